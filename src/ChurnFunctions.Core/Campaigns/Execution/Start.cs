namespace ChurnFunctions.Core.Campaigns;

/// <summary>The trigger matched: enter the campaign. Ignored once the instance has started.</summary>
public sealed record Start : CampaignInput;
