using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Functions.Tests.Durable;

/// <summary>
/// The app's send ledger, except that the first entry marked sent is written and then the call throws: the worker
/// lost after the provider accepted the message and the ledger recorded it, before the activity reported back.
/// </summary>
internal sealed class FailOnceAfterSentLedger(ISendLedger inner) : ISendLedger
{
    private int failures;

    public int Failures => Volatile.Read(ref failures);

    public Task<Versioned<SendLedgerEntry>?> GetAsync(string sendId, CancellationToken cancellationToken) => inner.GetAsync(sendId, cancellationToken);

    public Task<string?> TryInsertAsync(SendLedgerEntry entry, CancellationToken cancellationToken) => inner.TryInsertAsync(entry, cancellationToken);

    public async Task<string?> TryReplaceAsync(SendLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        var written = await inner.TryReplaceAsync(entry, etag, cancellationToken);
        if (written is not null && entry.Status == SendLedgerStatus.Sent && Interlocked.CompareExchange(ref failures, 1, 0) == 0)
        {
            throw new IOException("The worker lost its connection after the send was recorded.");
        }

        return written;
    }
}
