namespace ChurnFunctions.Core.Campaigns;

/// <summary>Create a task for the staff; <see cref="TaskId"/> = instance id + ":" + step id makes it idempotent.</summary>
public sealed record CreateStaffTask(string StepId, string TaskId, string Text) : CampaignAction;
