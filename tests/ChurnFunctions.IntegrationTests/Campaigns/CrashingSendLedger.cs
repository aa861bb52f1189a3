using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>
/// A ledger that, after <paramref name="healthyInserts"/> pending entries, writes each further one and then hangs
/// until the host aborts its handlers: a runner dying between the ledger write and the provider call.
/// </summary>
internal sealed class CrashingSendLedger(ISendLedger inner, int healthyInserts) : ISendLedger
{
    private int inserts;
    private int hung;

    public int Hung => Volatile.Read(ref hung);

    public Task<Versioned<SendLedgerEntry>?> GetAsync(string sendId, CancellationToken cancellationToken) => inner.GetAsync(sendId, cancellationToken);

    public async Task<string?> TryInsertAsync(SendLedgerEntry entry, CancellationToken cancellationToken)
    {
        var etag = await inner.TryInsertAsync(entry, cancellationToken);
        if (etag is not null && Interlocked.Increment(ref inserts) > healthyInserts)
        {
            Interlocked.Increment(ref hung);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return etag;
    }

    public Task<string?> TryReplaceAsync(SendLedgerEntry entry, string etag, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(entry, etag, cancellationToken);
}
