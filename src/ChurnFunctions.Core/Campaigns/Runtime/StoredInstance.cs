namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// An instance as the runner stores it: the decider's state and the due time of the one wake-up message that counts.
/// A wake-up message with another due time is stale and is dropped, so duplicates never multiply.
/// </summary>
public sealed record StoredInstance(CampaignInstanceState State, DateTimeOffset? NextWakeUpAt);
