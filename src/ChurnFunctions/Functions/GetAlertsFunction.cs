using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/alerts?from=&amp;to=: raised alerts, through <see cref="AnalyticsEndpoints.AlertsAsync"/>.</summary>
public sealed class GetAlertsFunction(AnalyticsEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetAlerts")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.AlertsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.AlertsAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
