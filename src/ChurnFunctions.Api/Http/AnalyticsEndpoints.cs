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

        // date=yyyy-MM-dd is one day (a digest's link); rule= keeps one rule's alerts ("top-customer-slipping").
        if (!TryDayOrRange(request, out var from, out var to, out var errors))
        {
            return Problems.Validation(errors);
        }

        var rule = request.Query["rule"].ToString();
        var alerts = await queries.GetAlertsAsync(from, to, cancellationToken);
        return TypedResults.Ok(rule.Length == 0 ? alerts : [.. alerts.Where(a => a.Rule == rule)]);
    }

    public async Task<IResult> OutboxAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        var max = 100;
        if (request.Query.TryGetValue("max", out var maxText) && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > 1000))
        {
            errors["max"] = ["Use a page size from 1 to 1000; follow the next cursor for more."];
        }

        string? kind = request.Query["kind"].ToString() is { Length: > 0 } k ? k : null;
        if (kind is not null && !OutboxKinds.IsKnown(kind))
        {
            errors["kind"] = [$"Use {OutboxKinds.Alert} or {OutboxKinds.Campaign}."];
        }

        OutboxCursor? after = null;
        if (request.Query.TryGetValue("cursor", out var cursorText) && !OutboxCursor.TryParse(cursorText, out after))
        {
            errors["cursor"] = ["Pass the cursor a previous page returned (X-Next-Cursor), unchanged."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var page = await outbox.ListAsync(new OutboxQuery(kind, max, after), cancellationToken);
        if (page.Next is { } next)
        {
            // The body stays the array it always was; the way on is in headers (RFC 8288 Link, and the bare cursor).
            var cursor = next.ToString();
            var query = $"max={max}&cursor={cursor}" + (kind is null ? string.Empty : $"&kind={kind}");
            request.HttpContext.Response.Headers["X-Next-Cursor"] = cursor;
            request.HttpContext.Response.Headers.Link = $"<{request.PathBase}{request.Path}?{query}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Entries);
    }

    private static bool TryDayOrRange(HttpRequest request, out DateOnly? from, out DateOnly? to, out Dictionary<string, string[]> errors)
    {
        if (!request.Query.TryGetValue("date", out var dateText))
        {
            return TryRange(request, out from, out to, out errors);
        }

        errors = [];
        from = null;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors["date"] = ["Use a date as yyyy-MM-dd."];
        }
        else if (request.Query.ContainsKey("from") || request.Query.ContainsKey("to"))
        {
            errors["date"] = ["Use date alone, or from and to."];
        }
        else
        {
            from = day;
        }

        to = from;
        return errors.Count == 0;
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
