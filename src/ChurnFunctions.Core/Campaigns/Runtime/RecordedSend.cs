namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>A send ledger entry and when it last changed (the provider's answer, or the attempt's start while pending).</summary>
public sealed record RecordedSend(SendLedgerEntry Entry, DateTimeOffset? UpdatedAt);
