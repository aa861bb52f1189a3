using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/metrics/compare?before=&amp;after=: two periods' rates with intervals, through <see cref="MetricsCompareEndpoint.GetAsync"/>.</summary>
public sealed class CompareMetricsFunction(MetricsCompareEndpoint endpoint)
{
    [Function("CompareMetrics")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.MetricsCompareRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
