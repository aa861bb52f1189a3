using ChurnFunctions.Core.Scoring;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/customers/{id}/scores: the customer's score on each run of the last 90 days ending on the latest run.</summary>
public sealed class ScoreHistoryEndpoint(ScoreHistoryQueries queries, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        gate.Check(request) ?? TypedResults.Ok(await queries.GetAsync(id, cancellationToken));
}
