namespace ChurnFunctions.Core.Campaigns.Reporting;

/// <summary>
/// What staff calls add: treatment customers a createStaffTask step made a task for (<see cref="WithTask"/>) against
/// the campaign's holdout, which runs no steps and so gets no task. <see cref="Skipped"/>: task steps skipped
/// (do-not-call, do-not-contact). The groups differ in more than the call when the task step comes after other steps
/// (messages went to the treatment too, and a customer who bought before the step exits without a task); put the task
/// first to measure the call alone.
/// </summary>
public sealed record CallReport(GroupReport WithTask, int Skipped, UpliftResult Uplift);
