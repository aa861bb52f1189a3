namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>A task as the call list shows it: the task and whom to call.</summary>
public sealed record StaffTaskView(StaffTask Task, TaskContact Contact);
