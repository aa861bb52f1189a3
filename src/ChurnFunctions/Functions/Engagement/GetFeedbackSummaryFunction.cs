using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>GET /api/feedback/summary?from=&amp;to=&amp;by=month (x-api-key): answers per reason, by month if asked, through <see cref="FeedbackEndpoints.SummaryAsync"/>.</summary>
public sealed class GetFeedbackSummaryFunction(FeedbackEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetFeedbackSummary")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.FeedbackSummaryRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.SummaryAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
