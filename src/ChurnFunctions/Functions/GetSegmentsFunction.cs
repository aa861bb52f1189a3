using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/segments: the latest segment counts, through <see cref="AnalyticsEndpoints.SegmentsAsync"/>.</summary>
public sealed class GetSegmentsFunction(AnalyticsEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetSegments")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.SegmentsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.SegmentsAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
