namespace ChurnFunctions.Core.Campaigns.Reporting;

/// <summary>
/// One step, treatment only (holdouts run no steps; compare groups at the campaign level). Entered: instances that
/// reached the step (any log line for it); Sent: that got its message; Skipped: blocked sends; Clicked: the latest
/// click fell after this step's send and before the instance's next send; Converted/Revenue: conversions after reaching it.
/// </summary>
public sealed record StepReport(string StepId, string Type, GroupReport Treatment, int Skipped);
