namespace ChurnFunctions.Core.Campaigns.Reporting;

/// <summary>
/// A campaign's results from its instances: both groups, the uplift in conversion rate with its 95% interval
/// (<see cref="UpliftCalculator"/>), per-step treatment counts, and for a campaign with a staff task step the uplift of
/// the calls (<see cref="CallReport"/>; null without one). <see cref="StillRunning"/> instances may convert yet.
/// </summary>
public sealed record CampaignReport(
    string CampaignId,
    string Name,
    DateTimeOffset GeneratedAt,
    int StillRunning,
    GroupReport Treatment,
    GroupReport Holdout,
    UpliftResult Uplift,
    IReadOnlyList<StepReport> Steps,
    CallReport? Calls = null);
