using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// The send ledger, keyed by send id, with ETag concurrency. <see cref="LedgeredSender"/> holds the protocol
/// (begin pending -> provider call -> mark sent/failed); the store only reads and writes entries.
/// </summary>
public interface ISendLedger
{
    Task<Versioned<SendLedgerEntry>?> GetAsync(string sendId, CancellationToken cancellationToken);

    /// <summary>The new ETag, or null when an entry exists.</summary>
    Task<string?> TryInsertAsync(SendLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>The new ETag, or null when the stored ETag is no longer <paramref name="etag"/>.</summary>
    Task<string?> TryReplaceAsync(SendLedgerEntry entry, string etag, CancellationToken cancellationToken);
}
