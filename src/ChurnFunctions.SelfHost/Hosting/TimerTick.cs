namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// What a timer job is told about its run, like the Functions <c>TimerInfo</c>.
/// </summary>
/// <param name="ScheduledAt">The occurrence this run is for (the start time for a run on startup), in UTC.</param>
/// <param name="IsPastDue">
/// The run starts at or after the schedule's following occurrence: at least one occurrence was skipped, because a
/// previous run overran or the process stalled. (Functions sets it from its persisted schedule monitor, after
/// downtime; the self-host computes it from its own clock only: the last run it records with the timer's lease
/// keeps another process from repeating an occurrence, and is not used to detect downtime.)
/// </param>
public sealed record TimerTick(DateTimeOffset ScheduledAt, bool IsPastDue);
