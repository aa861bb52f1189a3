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
/// one per matching customer and campaign, overlap with a bound. Failures surface, so the timer's next run tries again.
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
    /// <summary>Starts kept in flight at once: each is a few storage round trips of its own.</summary>
    public const int StartParallelism = 8;

    private const int ProgressEvery = 5_000;

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

        var entries = new List<EnrollmentEntry>();
        var evaluated = 0;
        await Parallel.ForEachAsync(
            listed,
            new ParallelOptions { MaxDegreeOfParallelism = StartParallelism, CancellationToken = cancellationToken },
            async (customer, ct) =>
            {
                var facts = new EnrollmentFacts(
                    today,
                    customer,
                    current.GetValueOrDefault(customer.Id),
                    previous.GetValueOrDefault(customer.Id),
                    answers.GetValueOrDefault(customer.Id));
                foreach (var campaign in campaigns)
                {
                    if (!TriggerEvaluator.Matches(campaign.Trigger, facts) || !TriggerEvaluator.InAudience(campaign.Audience, facts))
                    {
                        continue;
                    }

                    var runKey = TriggerEvaluator.RunKey(campaign, facts);
                    var entered = dryRun
                        ? !await starter.IsStartedAsync(campaign.Id, customer.Id, runKey, ct)
                        : await StartAsync(campaign.Id, customer.Id, runKey, ct);
                    if (entered)
                    {
                        var entry = new EnrollmentEntry(
                            campaign.Id, customer.Id, runKey, TriggerReasons.Explain(campaign.Trigger, facts),
                            HoldoutAssignment.IsHoldout(customer.Id, campaign.Id, campaign.HoldoutPercent));
                        lock (entries)
                        {
                            entries.Add(entry);
                        }
                    }
                }

                var done = Interlocked.Increment(ref evaluated);
                if (done % ProgressEvery == 0)
                {
                    int enteredSoFar;
                    lock (entries)
                    {
                        enteredSoFar = entries.Count;
                    }

                    LogProgress(logger, done, listed.Count, enteredSoFar);
                }
            });

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

    // A campaign without recurrence goes through the starter's original entry point, which every starter has.
    private Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken) =>
        runKey is null ? starter.StartAsync(campaignId, customerId, cancellationToken) : starter.StartAsync(campaignId, customerId, runKey, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment read {Customers} customers, {Scores} scores, {PreviousScores} scores of the day before and {Answers} feedback answers in {ElapsedMs} ms")]
    private static partial void LogRead(ILogger logger, int customers, int scores, int previousScores, int answers, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment evaluated {Evaluated} of {Customers} customers; {Entered} entered so far")]
    private static partial void LogProgress(ILogger logger, int evaluated, int customers, int entered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled {Started} customers into {Campaigns} campaigns from {Customers} customers on {Day} in {ElapsedMs} ms")]
    private static partial void LogEnrolled(ILogger logger, int started, int campaigns, int customers, DateOnly day, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry run: {Entries} customers would enter {Campaigns} campaigns, from {Customers} customers on {Day} in {ElapsedMs} ms; nothing started")]
    private static partial void LogDryRun(ILogger logger, int entries, int campaigns, int customers, DateOnly day, long elapsedMs);
}
