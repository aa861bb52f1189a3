using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Storage.Ports;

/// <summary>Table "outbox": PartitionKey "outbox", RowKey the send id, so recording the same send twice keeps one row.</summary>
public sealed class TableOutbox(StorageAccount account) : IOutbox
{
    public const string TableName = "outbox";
    private const string Partition = "outbox";
    private readonly JsonRows<OutboxEntry> rows = new(account, TableName);

    public Task<bool> RecordAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        rows.TryInsertAsync(Partition, entry.SendId, entry, cancellationToken);

    // A local-development store: reading the partition and sorting in memory is fine at its size.
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(int max, CancellationToken cancellationToken) =>
        [.. (await rows.QueryAsync(JsonRows<OutboxEntry>.RowRange(Partition, string.Empty, "~~~~"), cancellationToken))
            .OrderByDescending(e => e.RecordedAt)
            .Take(max)];
}
