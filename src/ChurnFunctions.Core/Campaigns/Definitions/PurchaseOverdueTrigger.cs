namespace ChurnFunctions.Core.Campaigns;

/// <summary>The expected next purchase is overdue by at least <see cref="Days"/> days.</summary>
public sealed record PurchaseOverdueTrigger(int Days) : CampaignTrigger;
