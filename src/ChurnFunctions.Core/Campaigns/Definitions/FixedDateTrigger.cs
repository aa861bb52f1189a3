namespace ChurnFunctions.Core.Campaigns;

/// <summary>A calendar date, in the customer's local time.</summary>
public sealed record FixedDateTrigger(DateOnly Date) : CampaignTrigger;
