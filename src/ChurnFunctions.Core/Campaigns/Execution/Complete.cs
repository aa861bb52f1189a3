namespace ChurnFunctions.Core.Campaigns;

/// <summary>The instance is finished: no more inputs matter. Emitted once.</summary>
public sealed record Complete(CompletionReason Reason) : CampaignAction;
