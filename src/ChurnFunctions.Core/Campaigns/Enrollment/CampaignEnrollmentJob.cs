using System.Diagnostics;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// The daily enrollment after the nightly scoring (timer "CampaignEnrollment"): for each enabled campaign, every
/// customer whose trigger and audience hold is started through <see cref="ICampaignStarter"/> (idempotent). What the
/// triggers look at is read in bulk: the customers in pages, the latest run's scores (and the day before's only if a
/// campaign uses segmentEntered, the latest feedback only if one uses churnReason) as whole pages too; the starts,
/// all matches of one campaign at a time, go to <see cref="ICampaignStarter.EnterAsync"/>, which looks them up and starts
/// them in bulk. Failures surface, so the timer's next run tries again.
/// </summary>
public sealed partial class CampaignEnrollmentJob(
    ICampaignDefinitionStore definitions,
    ICustomerStore customers,
    IScoreStore scores,
    IMetricsStore metrics,
    IFeedbackStore feedback,
    ICampaignStarter starter,
    IOptions<AnalyticsOptions> analytics,
    TimeProvider time,
    ILogger<CampaignEnrollmentJob> logger)
{
    private static readonly IReadOnlyDictionary<string, CustomerScore> NoScores = new Dictionary<string, CustomerScore>();

    private static readonly IReadOnlyDictionary<string, FeedbackEntry> NoAnswers = new Dictionary<string, FeedbackEntry>();

    public async Task<EnrollmentRun> RunAsync(CancellationToken cancellationToken)
    {
        var report = await RunAsync(dryRun: false, cancellationToken);
        return new EnrollmentRun(report.Day, report.Campaigns, report.Customers, report.Entries.Count);
    }

    /// <summary>
    /// Runs the enrollment now. A dry run evaluates the same triggers and audiences and asks the starter which
    /// instances exist, but starts nothing: it writes nothing and sends nothing, and lists whom a real run would enter.
    /// </summary>
    public async Task<EnrollmentReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(analytics.Value.ReportingTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).Date);
        var campaigns = (await definitions.ListAsync(cancellationToken)).Where(d => d.Enabled).ToList();
        if (campaigns.Count == 0)
        {
            return new EnrollmentReport(today, dryRun, 0, 0, []);
        }

        var stopwatch = Stopwatch.StartNew();
        var scoredOn = (await metrics.LatestAsync(cancellationToken))?.Date;
        var needsPrevious = campaigns.Any(c => c.Trigger is SegmentEnteredTrigger);
        var needsFeedback = campaigns.Any(c => c.Trigger is ChurnReasonTrigger);
        var listed = new List<CustomerRecord>();
        await foreach (var customer in customers.ListAsync(cancellationToken))
        {
            if (!customer.IsAnonymous && customer.MergedInto is null)
            {
                listed.Add(customer);
            }
        }

        var ids = new HashSet<string>(listed.Select(c => c.Id), StringComparer.Ordinal);
        var current = scoredOn is { } day ? await scores.GetManyAsync(day, ids, cancellationToken) : NoScores;
        var previous = needsPrevious && scoredOn is { } before ? await scores.GetManyAsync(before.AddDays(-1), ids, cancellationToken) : NoScores;
        var answers = needsFeedback ? await feedback.GetLatestManyAsync(ids, cancellationToken) : NoAnswers;
        LogRead(logger, listed.Count, current.Count, previous.Count, answers.Count, stopwatch.ElapsedMilliseconds);

        // Matching is pure and quick; what costs is the storage behind each start, so the matches of a campaign go
        // to the starter together and it looks up and starts them in bulk.
        var matches = campaigns.ToDictionary(c => c.Id, _ => new List<(CampaignStartRequest Request, EnrollmentFacts Facts)>(), StringComparer.Ordinal);
        foreach (var customer in listed)
        {
            var facts = new EnrollmentFacts(
                today,
                customer,
                current.GetValueOrDefault(customer.Id),
                previous.GetValueOrDefault(customer.Id),
                answers.GetValueOrDefault(customer.Id));
            foreach (var campaign in campaigns)
            {
                if (TriggerEvaluator.Matches(campaign.Trigger, facts) && TriggerEvaluator.InAudience(campaign.Audience, facts))
                {
                    matches[campaign.Id].Add((new CampaignStartRequest(campaign.Id, customer.Id, TriggerEvaluator.RunKey(campaign, facts)), facts));
                }
            }
        }

        var entries = new List<EnrollmentEntry>();
        foreach (var campaign in campaigns)
        {
            var matched = matches[campaign.Id];
            if (matched.Count == 0)
            {
                continue;
            }

            var entered = await starter.EnterAsync(matched.ConvertAll(m => m.Request), dryRun, cancellationToken);
            var byRequest = matched.ToDictionary(m => m.Request, m => m.Facts);
            foreach (var request in entered)
            {
                // Reasons are words for the report and the dry run, built only for those who enter.
                entries.Add(new EnrollmentEntry(
                    campaign.Id, request.CustomerId, request.RunKey, TriggerReasons.Explain(campaign.Trigger, byRequest[request]),
                    HoldoutAssignment.IsHoldout(request.CustomerId, campaign.Id, campaign.HoldoutPercent)));
            }

            LogCampaign(logger, campaign.Id, matched.Count, entered.Count, stopwatch.ElapsedMilliseconds);
        }

        // Starts overlap, so entries arrive in no fixed order: a report lists them in one.
        entries.Sort((a, b) => string.CompareOrdinal(a.CampaignId, b.CampaignId) is var c and not 0 ? c : string.CompareOrdinal(a.CustomerId, b.CustomerId));
        if (dryRun)
        {
            LogDryRun(logger, entries.Count, campaigns.Count, listed.Count, today, stopwatch.ElapsedMilliseconds);
        }
        else
        {
            LogEnrolled(logger, entries.Count, campaigns.Count, listed.Count, today, stopwatch.ElapsedMilliseconds);
        }

        return new EnrollmentReport(today, dryRun, campaigns.Count, listed.Count, entries);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment read {Customers} customers, {Scores} scores, {PreviousScores} scores of the day before and {Answers} feedback answers in {ElapsedMs} ms")]
    private static partial void LogRead(ILogger logger, int customers, int scores, int previousScores, int answers, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment of {CampaignId}: {Matched} customers match, {Entered} of them new, {ElapsedMs} ms into the run")]
    private static partial void LogCampaign(ILogger logger, string campaignId, int matched, int entered, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled {Started} customers into {Campaigns} campaigns from {Customers} customers on {Day} in {ElapsedMs} ms")]
    private static partial void LogEnrolled(ILogger logger, int started, int campaigns, int customers, DateOnly day, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry run: {Entries} customers would enter {Campaigns} campaigns, from {Customers} customers on {Day} in {ElapsedMs} ms; nothing started")]
    private static partial void LogDryRun(ILogger logger, int entries, int campaigns, int customers, DateOnly day, long elapsedMs);
}
