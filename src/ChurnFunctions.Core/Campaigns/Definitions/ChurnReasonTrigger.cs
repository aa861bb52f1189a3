namespace ChurnFunctions.Core.Campaigns;

/// <summary>The exit survey answered with <see cref="Reason"/>.</summary>
public sealed record ChurnReasonTrigger(ChurnReason Reason) : CampaignTrigger;
