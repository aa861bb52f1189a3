using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/customers/{id}: one customer by id, through <see cref="CustomerEndpoints.GetAsync"/>.</summary>
public sealed class GetCustomerFunction(CustomerEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    // The {id} route value binds to the parameter of the same name.
    [Function("GetCustomer")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CustomerRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.GetAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
