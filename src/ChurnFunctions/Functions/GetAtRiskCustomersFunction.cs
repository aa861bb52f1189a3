using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/customers/at-risk: the latest run ranked by value at stake, through <see cref="AtRiskEndpoint.GetAsync"/>.</summary>
public sealed class GetAtRiskCustomersFunction(AtRiskEndpoint endpoint)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetAtRiskCustomers")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.AtRiskCustomersRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
