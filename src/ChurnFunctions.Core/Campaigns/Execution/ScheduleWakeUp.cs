namespace ChurnFunctions.Core.Campaigns;

/// <summary>Deliver a <see cref="WakeUp"/> at <see cref="At"/> (UTC). An instance needs only its latest timer; earlier ones are harmless.</summary>
public sealed record ScheduleWakeUp(DateTimeOffset At) : CampaignAction;
