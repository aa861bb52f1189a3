using System.Globalization;
using ChurnFunctions.Core.Scoring;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/segments/flows?from=&amp;to=: customers moving between segments from one run to another (default: the last two).</summary>
public sealed class SegmentFlowsEndpoint(SegmentFlowQueries queries, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        var from = Day(request, "from", errors);
        var to = Day(request, "to", errors);
        if (errors.Count == 0 && from >= to)
        {
            errors["from"] = ["from must be a run before to."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await queries.GetAsync(from, to, cancellationToken) is { } flows
            ? TypedResults.Ok(flows)
            : Problems.NotFound("Flows need two scoring runs, on the days asked for when from or to is given.");
    }

    private static DateOnly? Day(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        if (!request.Query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = ["Use a date as yyyy-MM-dd."];
        return null;
    }
}
