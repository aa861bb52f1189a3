using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/cohorts: the share of each first-purchase month still buying, through <see cref="CohortsEndpoint.GetAsync"/>.</summary>
public sealed class GetCohortsFunction(CohortsEndpoint endpoint)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetCohorts")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CohortsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
