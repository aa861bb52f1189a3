using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/customers/{id}/messages: the campaign messages sent to the customer, through <see cref="CustomerMessagesEndpoint.GetAsync"/>.</summary>
public sealed class GetCustomerMessagesFunction(CustomerMessagesEndpoint endpoint)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    // The {id} route value binds to the parameter of the same name.
    [Function("GetCustomerMessages")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CustomerMessagesRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
