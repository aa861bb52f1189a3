using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Engagement;

/// <summary>The exit survey: checks a submission (shape, then signature and expiry), stores it, and summarises answers per reason.</summary>
public sealed partial class FeedbackService(
    FeedbackLinks links, IFeedbackStore store, CustomerMerger merger, IOptions<FeedbackOptions> options, TimeProvider time,
    ILogger<FeedbackService> logger)
{
    public async Task<FeedbackResult> SubmitAsync(FeedbackSubmission submission, CancellationToken cancellationToken)
    {
        var check = links.Verify(submission.Token);
        var errors = new Dictionary<string, string[]>();
        if (check.Status == FeedbackTokenStatus.Malformed)
        {
            errors["token"] = ["Required: the token from the survey link."];
        }

        if (!ChurnReasons.TryParse(submission.Reason, out var reason))
        {
            errors["reason"] = [$"One of: {string.Join(", ", ChurnReasons.Names)}."];
        }

        var text = string.IsNullOrWhiteSpace(submission.Text) ? null : submission.Text.Trim();
        if (text?.Length > options.Value.MaxTextLength)
        {
            errors["text"] = [$"At most {options.Value.MaxTextLength} characters."];
        }

        if (check.Status == FeedbackTokenStatus.NotConfigured)
        {
            return new(FeedbackOutcome.Unauthorized, Detail: "Survey links are not configured here.");
        }

        if (errors.Count > 0)
        {
            return new(FeedbackOutcome.Invalid, Errors: errors);
        }

        if (check.Status != FeedbackTokenStatus.Valid)
        {
            return new(FeedbackOutcome.Unauthorized, Detail: check.Status == FeedbackTokenStatus.Expired
                ? "The survey link has expired."
                : "The survey link is not valid.");
        }

        var customerId = await merger.FollowAsync(check.CustomerId!, cancellationToken);
        var entry = new FeedbackEntry(customerId, reason!.Value, text, time.GetUtcNow());
        await store.SaveAsync(entry, cancellationToken);
        LogStored(logger, customerId, entry.Reason);
        return new(FeedbackOutcome.Stored, entry);
    }

    public async Task<FeedbackSummary> SummaryAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await SummaryAsync(from, to, FeedbackGrouping.None, cancellationToken);

    public async Task<FeedbackSummary> SummaryAsync(DateOnly from, DateOnly to, FeedbackGrouping grouping, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(from, to, cancellationToken);
        var summary = new FeedbackSummary(from, to, entries.Count, [.. Count(entries).OrderByDescending(c => c.Count)]);
        if (grouping != FeedbackGrouping.Month)
        {
            return summary;
        }

        var periods = new List<FeedbackPeriod>();
        for (var start = new DateOnly(from.Year, from.Month, 1); start <= to; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            var first = start < from ? from : start;
            var last = end > to ? to : end;
            var month = entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) is var day && day >= first && day <= last).ToList();
            periods.Add(new FeedbackPeriod(start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), first, last, month.Count, Count(month)));
        }

        return summary with { Periods = periods };
    }

    /// <summary>The customer's answers, oldest first.</summary>
    public async Task<IReadOnlyList<CustomerFeedback>> ForCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        [.. (await store.ListByCustomerAsync(customerId, cancellationToken)).Select(e => new CustomerFeedback(ChurnReasons.Name(e.Reason), e.Text, e.At))];

    // Every reason, in the enum's order, zeros included.
    private static List<ReasonCount> Count(IReadOnlyList<FeedbackEntry> entries)
    {
        var counts = entries.CountBy(e => e.Reason).ToDictionary();
        var total = entries.Count;
        return [.. Enum.GetValues<ChurnReason>()
            .Select(r => new ReasonCount(ChurnReasons.Name(r), counts.GetValueOrDefault(r), total == 0 ? 0 : Math.Round((double)counts.GetValueOrDefault(r) / total, 4)))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exit survey answer stored for customer {CustomerId}: {Reason}")]
    private static partial void LogStored(ILogger logger, string customerId, ChurnReason reason);
}
