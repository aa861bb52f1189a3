using System.Globalization;
using System.Text.Json;
using ChurnFunctions.Core.Engagement;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http.Engagement;

/// <summary>
/// POST /api/feedback (the signed survey link's answer), GET /api/feedback/summary (x-api-key; by=month splits it by
/// month) and GET /api/customers/{id}/feedback (x-api-key).
/// </summary>
public sealed class FeedbackEndpoints(FeedbackService feedback, ApiKeyGate gate, TimeProvider time)
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int DefaultDays = 30;
    private const int DefaultMonths = 12;

    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large.", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        FeedbackSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<FeedbackSubmission>(body.Value.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            submission = null;
        }

        if (submission is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["Send a JSON object: {\"token\", \"reason\", \"text\"}."] });
        }

        var result = await feedback.SubmitAsync(submission, cancellationToken);
        return result.Outcome switch
        {
            FeedbackOutcome.Stored => TypedResults.Json(
                new { status = "recorded", reason = ChurnReasons.Name(result.Entry!.Reason), at = result.Entry.At }, statusCode: StatusCodes.Status201Created),
            FeedbackOutcome.Invalid => Problems.Validation(result.Errors!),
            _ => Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", result.Detail),
        };
    }

    public async Task<IResult> SummaryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        var grouping = FeedbackGrouping.None;
        if (request.Query.TryGetValue("by", out var by) && !TryGrouping(by.ToString(), out grouping))
        {
            errors["by"] = ["Use by=month, or leave it out for one total over the period."];
        }

        var to = Day(request, "to", errors) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // By month, the default period is the 12 calendar months ending with the one holding `to`.
        var from = Day(request, "from", errors)
            ?? (grouping == FeedbackGrouping.Month ? new DateOnly(to.Year, to.Month, 1).AddMonths(1 - DefaultMonths) : to.AddDays(-DefaultDays));
        if (errors.Count == 0 && from > to)
        {
            errors["from"] = ["from must not be after to."];
        }

        return errors.Count > 0
            ? Problems.Validation(errors)
            : TypedResults.Ok(await feedback.SummaryAsync(from, to, grouping, cancellationToken));
    }

    public async Task<IResult> CustomerAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        gate.Check(request) ?? TypedResults.Ok(await feedback.ForCustomerAsync(id, cancellationToken));

    private static bool TryGrouping(string text, out FeedbackGrouping grouping)
    {
        grouping = text switch
        {
            "month" => FeedbackGrouping.Month,
            _ => FeedbackGrouping.None,
        };
        return grouping != FeedbackGrouping.None;
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
