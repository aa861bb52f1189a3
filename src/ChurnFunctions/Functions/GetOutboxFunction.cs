using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/outbox: messages recorded instead of sent, through <see cref="AnalyticsEndpoints.OutboxAsync"/>.</summary>
public sealed class GetOutboxFunction(AnalyticsEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetOutbox")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.OutboxRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.OutboxAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
