using System.Globalization;
using ChurnFunctions.Core.Scoring;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/customers/at-risk?offset=&amp;limit=: the latest run's customers ranked by value at stake, with the reason in words.</summary>
public sealed class AtRiskEndpoint(AtRiskQueries queries, ApiKeyGate gate)
{
    public const int DefaultLimit = 50;

    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        var offset = Number(request, "offset", 0, 0, int.MaxValue, "Use a whole number from 0: the rows to skip.", errors);
        var limit = Number(request, "limit", DefaultLimit, 1, AtRiskQueries.MaxLimit, $"Use a page size from 1 to {AtRiskQueries.MaxLimit}.", errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await queries.GetAsync(offset, limit, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : Problems.NotFound("No scoring run yet: scoring runs nightly, or now with `churn score`.");
    }

    private static int Number(HttpRequest request, string name, int fallback, int min, int max, string message, Dictionary<string, string[]> errors)
    {
        if (!request.Query.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [message];
        return fallback;
    }
}
