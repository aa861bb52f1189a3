using ChurnFunctions.Core.Scoring.Comparison;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/metrics/compare?before=FROM..TO&amp;after=FROM..TO: two periods' rates with 95% intervals, and the change.</summary>
public sealed class MetricsCompareEndpoint(MetricsComparer comparer, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        var before = Parse(request, "before", errors);
        var after = Parse(request, "after", errors);
        if (before is null || after is null)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await comparer.CompareAsync(before, after, cancellationToken));
    }

    private static Period? Parse(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        if (!request.Query.TryGetValue(name, out var text) || text.Count != 1)
        {
            errors[name] = [$"Give one {name} period as FROM..TO with ISO dates, both days included, e.g. 2024-01-01..2024-01-31."];
            return null;
        }

        if (!Period.TryParse(text, out var period, out var error))
        {
            errors[name] = [error!];
        }

        return period;
    }
}
