namespace ChurnFunctions.Core.Campaigns;

/// <summary>A step did not run, and why (e.g. "no email consent"); for the instance's history, not an error.</summary>
public sealed record RecordSkip(string StepId, string Reason) : CampaignAction;
