using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Storage.Ports;

/// <summary>Table "outbox": PartitionKey "outbox", RowKey the send id, so recording the same send twice keeps one row. Nothing is ever evicted.</summary>
public sealed class TableOutbox(StorageAccount account) : IOutbox
{
    public const string TableName = "outbox";
    private const string Partition = "outbox";
    private readonly JsonRows<OutboxEntry> rows = new(account, TableName);

    public Task<bool> RecordAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        rows.TryInsertAsync(Partition, entry.SendId, entry, cancellationToken);

    public Task<OutboxEntry?> GetAsync(string sendId, CancellationToken cancellationToken) =>
        rows.GetAsync(Partition, sendId, cancellationToken);

    // A local-development store: each page reads the partition and sorts it in memory, which is fine at its size and
    // keeps every entry reachable (row keys are send ids, not times, so the table cannot page newest first itself).
    public async Task<OutboxPage> ListAsync(OutboxQuery query, CancellationToken cancellationToken) =>
        OutboxPage.Of(await rows.QueryAsync(JsonRows<OutboxEntry>.RowRange(Partition, string.Empty, "~~~~"), cancellationToken), query);
}
