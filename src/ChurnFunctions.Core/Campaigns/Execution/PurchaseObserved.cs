namespace ChurnFunctions.Core.Campaigns;

/// <summary>The customer bought something. Purchases before the instance entered are ignored (e.g. the one that triggered a care journey).</summary>
public sealed record PurchaseObserved(DateTimeOffset At, decimal Amount) : CampaignInput;
