namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// A timer fired, or the runner is recovering: the decider re-derives what is due from the state and "now", so a
/// WakeUp at any time is safe (early: it re-arms the timer; repeated: it repeats the same actions).
/// </summary>
public sealed record WakeUp : CampaignInput;
