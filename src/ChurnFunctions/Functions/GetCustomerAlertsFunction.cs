using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/customers/{id}/alerts: the staff alerts that named the customer, through <see cref="CustomerAlertsEndpoint.GetAsync"/>.</summary>
public sealed class GetCustomerAlertsFunction(CustomerAlertsEndpoint endpoint)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    // The {id} route value binds to the parameter of the same name.
    [Function("GetCustomerAlerts")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CustomerAlertsRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
