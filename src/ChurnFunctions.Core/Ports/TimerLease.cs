namespace ChurnFunctions.Core.Ports;

/// <summary>A timer's lease, held by this process.</summary>
/// <param name="LeaseId">The storage lease id that proves the hold.</param>
/// <param name="LastRun">The last occurrence any process recorded as run when the lease was taken; null for none.</param>
public sealed record TimerLease(string TimerName, string LeaseId, DateTimeOffset? LastRun);
