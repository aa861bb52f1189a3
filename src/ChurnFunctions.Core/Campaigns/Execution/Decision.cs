namespace ChurnFunctions.Core.Campaigns;

/// <summary>The decider's answer: the state to persist and the actions to carry out, in order.</summary>
public sealed record Decision(CampaignInstanceState NewState, IReadOnlyList<CampaignAction> Actions);
