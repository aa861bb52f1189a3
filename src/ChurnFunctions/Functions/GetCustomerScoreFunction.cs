using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/customers/{id}/score: the latest score, through <see cref="AnalyticsEndpoints.ScoreAsync"/>.</summary>
public sealed class GetCustomerScoreFunction(AnalyticsEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetCustomerScore")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CustomerScoreRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.ScoreAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
