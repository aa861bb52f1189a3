using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// The daily enrollment after the nightly scoring (timer "CampaignEnrollment"): for each enabled campaign, every
/// customer whose trigger and audience hold is started through <see cref="ICampaignStarter"/> (idempotent). Cost per
/// customer: one score read (and in a dry run one instance read per match), plus the day before's score only if a campaign uses segmentEntered, plus the latest
/// feedback only if one uses churnReason. Failures surface, so the timer's next run tries again.
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
        var entries = new List<EnrollmentEntry>();
        if (campaigns.Count == 0)
        {
            return new EnrollmentReport(today, dryRun, 0, 0, entries);
        }

        var scoredOn = (await metrics.LatestAsync(cancellationToken))?.Date;
        var needsPrevious = campaigns.Any(c => c.Trigger is SegmentEnteredTrigger);
        var needsFeedback = campaigns.Any(c => c.Trigger is ChurnReasonTrigger);
        var read = 0;
        await foreach (var customer in customers.ListAsync(cancellationToken))
        {
            if (customer.IsAnonymous || customer.MergedInto is not null)
            {
                continue;
            }

            read++;
            var facts = new EnrollmentFacts(
                today,
                customer,
                scoredOn is { } day ? await scores.GetAsync(day, customer.Id, cancellationToken) : null,
                needsPrevious && scoredOn is { } before ? await scores.GetAsync(before.AddDays(-1), customer.Id, cancellationToken) : null,
                needsFeedback ? await feedback.GetLatestAsync(customer.Id, cancellationToken) : null);
            foreach (var campaign in campaigns)
            {
                if (!TriggerEvaluator.Matches(campaign.Trigger, facts) || !TriggerEvaluator.InAudience(campaign.Audience, facts))
                {
                    continue;
                }

                var runKey = TriggerEvaluator.RunKey(campaign, facts);
                var entered = dryRun
                    ? !await starter.IsStartedAsync(campaign.Id, customer.Id, runKey, cancellationToken)
                    : await StartAsync(campaign.Id, customer.Id, runKey, cancellationToken);
                if (entered)
                {
                    entries.Add(new EnrollmentEntry(
                        campaign.Id, customer.Id, runKey, TriggerReasons.Explain(campaign.Trigger, facts),
                        HoldoutAssignment.IsHoldout(customer.Id, campaign.Id, campaign.HoldoutPercent)));
                }
            }
        }

        if (dryRun)
        {
            LogDryRun(logger, entries.Count, campaigns.Count, read, today);
        }
        else
        {
            LogEnrolled(logger, entries.Count, campaigns.Count, read, today);
        }

        return new EnrollmentReport(today, dryRun, campaigns.Count, read, entries);
    }

    // A campaign without recurrence goes through the starter's original entry point, which every starter has.
    private Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken) =>
        runKey is null ? starter.StartAsync(campaignId, customerId, cancellationToken) : starter.StartAsync(campaignId, customerId, runKey, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled {Started} customers into {Campaigns} campaigns from {Customers} customers on {Day}")]
    private static partial void LogEnrolled(ILogger logger, int started, int campaigns, int customers, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry run: {Entries} customers would enter {Campaigns} campaigns, from {Customers} customers on {Day}; nothing started")]
    private static partial void LogDryRun(ILogger logger, int entries, int campaigns, int customers, DateOnly day);
}
