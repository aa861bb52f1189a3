namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// <see cref="Days"/> days after a purchase (care journeys, e.g. a satisfaction follow-up after 30 days). Such
/// campaigns usually set <see cref="ExitConditions.OnPurchase"/> off.
/// </summary>
public sealed record DaysAfterPurchaseTrigger(int Days) : CampaignTrigger;
