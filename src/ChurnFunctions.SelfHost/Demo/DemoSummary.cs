using ChurnFunctions.Core.Campaigns.Reporting;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>
/// What the replay left, read back from the stores the API reads: the latest metrics snapshot (customers, churn rate,
/// the at-risk tier), the outbox's campaign messages by channel, and each demo campaign's report (uplift so far).
/// </summary>
public sealed record DemoSummary(
    DateOnly ScoredAsOf,
    DateTimeOffset SimulatedNow,
    int RowsStored,
    int Customers,
    double? ChurnRate,
    int AtRisk,
    int Entered,
    IReadOnlyDictionary<string, int> MessagesByChannel,
    int AlertMessages,
    IReadOnlyList<CampaignReport> Campaigns,
    TimeSpan Elapsed,
    DemoTimings Timings)
{
    public int MessagesSent => MessagesByChannel.Values.Sum();
}
