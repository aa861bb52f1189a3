namespace ChurnFunctions.Core.Campaigns;

/// <summary>The customer stopped buying in <see cref="Category"/>; null means any category.</summary>
public sealed record CategoryAbandonmentTrigger(string? Category = null) : CampaignTrigger;
