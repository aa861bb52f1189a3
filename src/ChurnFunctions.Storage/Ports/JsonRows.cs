using System.Runtime.CompilerServices;
using System.Text.Json;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Rows that hold one JSON document each (column "Json", split across properties when long): for the reports the
/// jobs write whole and the API reads whole (scores, snapshots, alerts, the outbox).
/// </summary>
internal sealed class JsonRows<T>
{
    /// <summary>
    /// Round trips a bulk read or write keeps in flight at once: enough to hide the latency of a remote account;
    /// Azurite works through them one at a time, and more in flight there only lengthens each one's wait.
    /// </summary>
    public const int Parallelism = 4;

    private const string Column = "Json";
    private static readonly JsonSerializerOptions Options = JsonSerializerOptions.Web;
    private readonly TableClient table;
    private readonly CreateOnce created;

    public JsonRows(StorageAccount account, string tableName)
    {
        table = account.GetTableClient(tableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task<T?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityAsync(KeyEncoder.Encode(partitionKey), KeyEncoder.Encode(rowKey), cancellationToken).ConfigureAwait(false);
        return entity is null ? default : Read(entity);
    }

    /// <summary>Inserts the row; false when a row with those keys exists (nothing is written then).</summary>
    public async Task<bool> TryInsertAsync(string partitionKey, string rowKey, T value, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await table.InsertAsync(Entity(partitionKey, rowKey, value), cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    public async Task UpsertAsync(string partitionKey, string rowKey, T value, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(Entity(partitionKey, rowKey, value), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces many rows of one partition, 100 to an entity group transaction, <see cref="Parallelism"/> transactions
    /// at a time: each is atomic on its own and they touch distinct rows, so their order does not matter. A batch is
    /// first sent as inserts, and only if a row exists (a re-run) as replacing upserts: the end state is the same, and
    /// Azurite looks each upserted row up twice where it looks an inserted one up once.
    /// </summary>
    public async Task UpsertPartitionAsync(string partitionKey, IEnumerable<(string RowKey, T Value)> rows, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(rows.Chunk(100), options, async (chunk, ct) =>
        {
            var entities = chunk.Select(r => Entity(partitionKey, r.RowKey, r.Value)).ToList();
            var result = await table.SubmitBatchAsync([.. entities.Select(TableBatchOperation.Insert)], ct).ConfigureAwait(false);
            if (!result.Succeeded && result.FailedStatus == TableWriteStatus.Conflict)
            {
                result = await table.SubmitBatchAsync([.. entities.Select(e => TableBatchOperation.Upsert(e, TableUpdateMode.Replace))], ct).ConfigureAwait(false);
            }

            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Writing {typeof(T).Name} rows failed at operation {result.FailedIndex}: {result.ErrorCode}.");
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Point reads of many rows, <see cref="Parallelism"/> at a time; rows that do not exist are left out.</summary>
    public async Task<IReadOnlyList<T>> GetManyAsync(IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var found = new System.Collections.Concurrent.ConcurrentBag<T>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(keys, options, async (key, ct) =>
        {
            var entity = await table.GetEntityAsync(KeyEncoder.Encode(key.PartitionKey), KeyEncoder.Encode(key.RowKey), ct).ConfigureAwait(false);
            if (entity is not null)
            {
                found.Add(Read(entity));
            }
        }).ConfigureAwait(false);
        return [.. found];
    }

    /// <summary>Every row matching <paramref name="filter"/>, page by page (1,000 rows a round trip), as they arrive.</summary>
    public async IAsyncEnumerable<T> QueryEachAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
        {
            yield return Read(entity);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<T>();
        await foreach (var entity in table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(entity));
        }

        return result;
    }

    /// <summary>An OData filter on encoded keys: PartitionKey between two bounds, inclusive.</summary>
    public static string PartitionRange(string from, string to) =>
        $"PartitionKey ge {TableQuery.Literal(KeyEncoder.Encode(from))} and PartitionKey le {TableQuery.Literal(KeyEncoder.Encode(to))}";

    /// <summary>An OData filter on one encoded partition.</summary>
    public static string Partition(string partitionKey) => $"PartitionKey eq {TableQuery.Literal(KeyEncoder.Encode(partitionKey))}";

    /// <summary>An OData filter on encoded keys: PartitionKey from <paramref name="from"/> (inclusive) until <paramref name="until"/> (exclusive).</summary>
    public static string PartitionFromUntil(string from, string until) =>
        $"PartitionKey ge {TableQuery.Literal(KeyEncoder.Encode(from))} and PartitionKey lt {TableQuery.Literal(KeyEncoder.Encode(until))}";

    public static string RowRange(string partitionKey, string from, string to) =>
        $"PartitionKey eq {TableQuery.Literal(KeyEncoder.Encode(partitionKey))} and RowKey ge {TableQuery.Literal(KeyEncoder.Encode(from))} and RowKey le {TableQuery.Literal(KeyEncoder.Encode(to))}";

    private static TableEntity Entity(string partitionKey, string rowKey, T value)
    {
        var entity = new TableEntity(KeyEncoder.Encode(partitionKey), KeyEncoder.Encode(rowKey));
        EntityValues.SetLong(entity, Column, JsonSerializer.Serialize(value, Options));
        return entity;
    }

    private static T Read(TableEntity entity) =>
        JsonSerializer.Deserialize<T>(EntityValues.GetLong(entity, Column) ?? "null", Options)
        ?? throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} holds no {typeof(T).Name}.");
}
