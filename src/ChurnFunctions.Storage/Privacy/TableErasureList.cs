using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Privacy;

/// <summary>Table "erasures": PartitionKey "identity", RowKey the HMAC of an identity key, column At. A check is a point read per key.</summary>
public sealed class TableErasureList : IErasureList
{
    public const string TableName = "erasures";
    private const string Partition = "identity";
    private readonly TableClient table;
    private readonly CreateOnce created;

    public TableErasureList(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.GetTableClient(TableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task AddAsync(IReadOnlyList<string> hashes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var hash in hashes)
        {
            var entity = new TableEntity(Partition, hash) { ["At"] = EntityValues.Instant(at) };
            await table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    // One request for a delivery's keys (at most a platform id, an email and a phone): ingest asks on every delivery.
    public async Task<DateTimeOffset?> ErasedAtAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count == 0)
        {
            return null;
        }

        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset? latest = null;
        foreach (var chunk in hashes.Chunk(10))
        {
            var rows = string.Join(" or ", chunk.Select(h => $"RowKey eq {TableQuery.Literal(h)}"));
            var filter = $"PartitionKey eq {TableQuery.Literal(Partition)} and ({rows})";
            await foreach (var entity in table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
            {
                if (EntityValues.Instant(entity, "At") is { } at && (latest is null || at > latest))
                {
                    latest = at;
                }
            }
        }

        return latest;
    }

    public async Task RemoveAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var hash in hashes)
        {
            await table.DeleteAsync(Partition, hash, "*", cancellationToken).ConfigureAwait(false);
        }
    }
}
