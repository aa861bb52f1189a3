namespace ChurnFunctions.Core.Ingest;

/// <summary>What lands in a poison queue: the original message, untouched so it can be replayed, and why it failed.</summary>
public sealed record PoisonEntry(string Reason, string Error, long DequeueCount, DateTimeOffset FailedAt, string Message);
