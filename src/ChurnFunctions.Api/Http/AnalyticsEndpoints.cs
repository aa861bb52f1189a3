using System.Globalization;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Scoring;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>The read side of the nightly runs: metrics, scores, segments, alerts, and the local outbox.</summary>
public sealed class AnalyticsEndpoints(ScoreQueries queries, IOutbox outbox, ApiKeyGate gate)
{
    public async Task<IResult> MetricsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        if (!TryRange(request, out var from, out var to, out var errors))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await queries.GetMetricsAsync(from, to, cancellationToken));
    }

    public async Task<IResult> ScoreAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        return await queries.GetScoreAsync(id, cancellationToken) is { } score
            ? TypedResults.Ok(score)
            : Problems.NotFound($"Customer '{id}' has no score yet: scoring runs nightly, or now with `churn score`.");
    }

    public async Task<IResult> SegmentsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        return await queries.LatestAsync(cancellationToken) is { } latest
            ? TypedResults.Ok(new { asOf = latest.Date, customers = latest.Customers, segments = latest.Segments, tiers = latest.Tiers, valueTiers = latest.ValueTiers })
            : Problems.NotFound("No scoring run yet.");
    }

    public async Task<IResult> AlertsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        if (!TryRange(request, out var from, out var to, out var errors))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await queries.GetAlertsAsync(from, to, cancellationToken));
    }

    public async Task<IResult> OutboxAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var max = int.TryParse(request.Query["max"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 1000) : 100;
        return TypedResults.Ok(await outbox.ListAsync(max, cancellationToken));
    }

    // Missing dates are left to ScoreQueries: without "to" a range ends on the latest run, not on today.
    private static bool TryRange(HttpRequest request, out DateOnly? from, out DateOnly? to, out Dictionary<string, string[]> errors)
    {
        errors = [];
        from = Date(request, "from", errors);
        to = Date(request, "to", errors);
        if (errors.Count == 0 && from > to)
        {
            errors["from"] = ["from must not be after to."];
        }

        return errors.Count == 0;
    }

    private static DateOnly? Date(HttpRequest request, string name, Dictionary<string, string[]> errors)
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
