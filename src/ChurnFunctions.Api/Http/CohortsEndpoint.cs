using ChurnFunctions.Core.Cohorts;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/cohorts: month of first purchase x months since, the share still buying.</summary>
public sealed class CohortsEndpoint(CohortQueries queries, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.Check(request) ?? TypedResults.Ok(await queries.GetAsync(cancellationToken));
}
