namespace ChurnFunctions.Core.Campaigns;

/// <summary>The customer's birthday, <see cref="DaysBefore"/> days ahead of it (0: on the day).</summary>
public sealed record BirthdayTrigger(int DaysBefore = 0) : CampaignTrigger;
