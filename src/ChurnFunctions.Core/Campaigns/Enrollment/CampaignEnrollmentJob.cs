using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// The daily enrollment after the nightly scoring (timer "CampaignEnrollment"): for each enabled campaign, every
/// customer whose trigger and audience hold is started through <see cref="ICampaignStarter"/> (idempotent). Cost per
/// customer: one score read, plus the day before's score only if a campaign uses segmentEntered, plus the latest
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
        var zone = TimeZoneInfo.FindSystemTimeZoneById(analytics.Value.ReportingTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).Date);
        var campaigns = (await definitions.ListAsync(cancellationToken)).Where(d => d.Enabled).ToList();
        if (campaigns.Count == 0)
        {
            return new EnrollmentRun(today, 0, 0, 0);
        }

        var scoredOn = (await metrics.LatestAsync(cancellationToken))?.Date;
        var needsPrevious = campaigns.Any(c => c.Trigger is SegmentEnteredTrigger);
        var needsFeedback = campaigns.Any(c => c.Trigger is ChurnReasonTrigger);
        int read = 0, started = 0;
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
                if (TriggerEvaluator.Matches(campaign.Trigger, facts) && TriggerEvaluator.InAudience(campaign.Audience, facts)
                    && await StartAsync(campaign.Id, customer.Id, TriggerEvaluator.RunKey(campaign, facts), cancellationToken))
                {
                    started++;
                }
            }
        }

        LogEnrolled(logger, started, campaigns.Count, read, today);
        return new EnrollmentRun(today, campaigns.Count, read, started);
    }

    // A campaign without recurrence goes through the starter's original entry point, which every starter has.
    private Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken) =>
        runKey is null ? starter.StartAsync(campaignId, customerId, cancellationToken) : starter.StartAsync(campaignId, customerId, runKey, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled {Started} customers into {Campaigns} campaigns from {Customers} customers on {Day}")]
    private static partial void LogEnrolled(ILogger logger, int started, int campaigns, int customers, DateOnly day);
}
