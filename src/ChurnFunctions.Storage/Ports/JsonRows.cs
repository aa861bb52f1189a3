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

    /// <summary>Replaces many rows of one partition, 100 to an entity group transaction.</summary>
    public async Task UpsertPartitionAsync(string partitionKey, IEnumerable<(string RowKey, T Value)> rows, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in rows.Chunk(100))
        {
            var batch = chunk.Select(r => TableBatchOperation.Upsert(Entity(partitionKey, r.RowKey, r.Value), TableUpdateMode.Replace)).ToList();
            var result = await table.SubmitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Writing {typeof(T).Name} rows failed at operation {result.FailedIndex}: {result.ErrorCode}.");
            }
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

    /// <summary>Rows as the store pages them, never all in memory at once.</summary>
    public async IAsyncEnumerable<T> StreamAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
        {
            yield return Read(entity);
        }
    }

    public static string Partition(string partitionKey) => $"PartitionKey eq {TableQuery.Literal(KeyEncoder.Encode(partitionKey))}";

    /// <summary>An OData filter on encoded keys: PartitionKey between two bounds, inclusive.</summary>
    public static string PartitionRange(string from, string to) =>
        $"PartitionKey ge {TableQuery.Literal(KeyEncoder.Encode(from))} and PartitionKey le {TableQuery.Literal(KeyEncoder.Encode(to))}";

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
