using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/metrics?from=&amp;to=: daily metrics snapshots, through <see cref="AnalyticsEndpoints.MetricsAsync"/>.</summary>
public sealed class GetMetricsFunction(AnalyticsEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetMetrics")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.MetricsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.MetricsAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
