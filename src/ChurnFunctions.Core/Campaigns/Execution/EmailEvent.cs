namespace ChurnFunctions.Core.Campaigns;

/// <summary>A provider event for one of this instance's emails; <see cref="SendId"/> is ours, carried back by the provider.</summary>
public sealed record EmailEvent(EmailEventKind Kind, DateTimeOffset At, string? SendId = null) : CampaignInput;
