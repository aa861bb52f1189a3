namespace ChurnFunctions.Core.Campaigns;

/// <summary>The customer is flagged as partially churned (still buying, much less than before).</summary>
public sealed record PartialChurnTrigger : CampaignTrigger;
