using System.Runtime.CompilerServices;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// <see cref="ICustomerStore"/> on table "customers": one partition per customer holding its "profile" row and its
/// "tx|..." rows, so a commit is one entity group transaction (see docs/storage-design.md).
/// A commit retried after a lost success comes back <see cref="WriteOutcome.Duplicate"/>: its transactions exist.
/// </summary>
public sealed class TableCustomerStore : ICustomerStore
{
    public const string TableName = "customers";

    /// <summary>The most customers whose transactions a bulk read fetches partition by partition.</summary>
    public const int MaxPartitionQueries = 200;

    private readonly TableClient _table;
    private readonly TimeProvider _timeProvider;
    private readonly CreateOnce _created;

    public TableCustomerStore(StorageAccount account, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(account);
        _table = account.GetTableClient(TableName);
        _timeProvider = timeProvider;
        _created = new CreateOnce(_table.CreateIfNotExistsAsync);
    }

    public async Task<Versioned<CustomerRecord>?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _table.GetEntityAsync(KeyEncoder.Encode(customerId), CustomerEntity.RowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new Versioned<CustomerRecord>(CustomerEntity.To(entity), entity.ETag!);
    }

    public async Task<WriteOutcome> CommitAsync(
        CustomerRecord record, string? etag, IReadOnlyList<StoredTransaction> transactions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count is 0 or > ICustomerStore.MaxTransactionsPerCommit)
        {
            throw new ArgumentOutOfRangeException(nameof(transactions), transactions.Count,
                $"A commit holds 1 to {ICustomerStore.MaxTransactionsPerCommit} transactions.");
        }

        if (transactions.Any(t => t.CustomerId != record.Id))
        {
            throw new ArgumentException("Every transaction of a commit must belong to the record's customer.", nameof(transactions));
        }

        var operations = new List<TableBatchOperation>(transactions.Count + 1);
        foreach (var stored in transactions)
        {
            operations.Add(TableBatchOperation.Insert(TransactionEntity.From(record.Id, stored.Transaction, stored.EventId, stored.StoredAt)));
        }

        if (operations.Select(o => o.Entity.RowKey).Distinct(StringComparer.Ordinal).Count() != operations.Count)
        {
            throw new ArgumentException("A commit holds the same transaction (source and external id) twice.", nameof(transactions));
        }

        var profile = CustomerEntity.From(record);
        operations.Add(etag is null ? TableBatchOperation.Insert(profile) : TableBatchOperation.Update(profile, etag, TableUpdateMode.Replace));

        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await _table.SubmitBatchAsync(operations, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return WriteOutcome.Written;
        }

        // An insert of a transaction that exists: a delivery seen before. Anything failing on the record: a conflict.
        return result.FailedIndex < transactions.Count && result.FailedStatus == TableWriteStatus.Conflict
            ? WriteOutcome.Duplicate
            : WriteOutcome.Conflict;
    }

    public async Task<WriteOutcome> SaveAsync(CustomerRecord record, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = CustomerEntity.From(record);
        var result = etag is null
            ? await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false)
            : await _table.UpdateAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? WriteOutcome.Written : WriteOutcome.Conflict;
    }

    public async Task<IReadOnlyList<StoredTransaction>> GetTransactionsAsync(string customerId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = $"PartitionKey eq {TableQuery.Literal(KeyEncoder.Encode(customerId))} and RowKey ge '{TransactionEntity.RowKeyPrefix}' and RowKey lt '{TransactionEntity.RowKeyEnd}'";
        var result = new List<StoredTransaction>();
        await foreach (var entity in _table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
        {
            result.Add(TransactionEntity.To(entity));
        }

        return result;
    }

    /// <summary>
    /// Up to <see cref="MaxPartitionQueries"/> customers are one partition query each, that many at a time; more are
    /// one pass over every transaction row, 1,000 a round trip, keeping the wanted partitions: a store with a third of
    /// its customers wanted costs fewer round trips that way, and Azurite scans the whole table on every query.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredTransaction>>> GetTransactionsAsync(
        IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var result = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<StoredTransaction>>(StringComparer.Ordinal);
        var ids = customerIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count <= MaxPartitionQueries)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = JsonRows<object>.Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(ids, options, async (id, ct) => result[id] = await GetTransactionsAsync(id, ct).ConfigureAwait(false)).ConfigureAwait(false);
            return result;
        }

        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var byPartition = ids.ToDictionary(KeyEncoder.Encode, _ => new List<StoredTransaction>(), StringComparer.Ordinal);
        var filter = $"RowKey ge '{TransactionEntity.RowKeyPrefix}' and RowKey lt '{TransactionEntity.RowKeyEnd}'";
        await foreach (var entity in _table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
        {
            if (byPartition.TryGetValue(entity.PartitionKey, out var list))
            {
                list.Add(TransactionEntity.To(entity));
            }
        }

        foreach (var (partition, list) in byPartition)
        {
            result[KeyEncoder.Decode(partition)] = list;
        }

        return result;
    }

    /// <summary>
    /// One pass over every transaction row, 1,000 a round trip: rows come in key order, so a customer's rows arrive
    /// together and each customer is yielded when the next one's rows begin.
    /// </summary>
    public async IAsyncEnumerable<CustomerTransactions> ListTransactionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = $"RowKey ge '{TransactionEntity.RowKeyPrefix}' and RowKey lt '{TransactionEntity.RowKeyEnd}'";
        string? partition = null;
        var rows = new List<StoredTransaction>();
        await foreach (var entity in _table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
        {
            if (partition is not null && entity.PartitionKey != partition)
            {
                yield return new CustomerTransactions(KeyEncoder.Decode(partition), rows);
                rows = [];
            }

            partition = entity.PartitionKey;
            rows.Add(TransactionEntity.To(entity));
        }

        if (partition is not null)
        {
            yield return new CustomerTransactions(KeyEncoder.Decode(partition), rows);
        }
    }

    public async Task UpsertTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var storedAt = _timeProvider.GetUtcNow();
        var operations = transactions
            .DistinctBy(TransactionEntity.RowKey, StringComparer.Ordinal)
            .Select(t => TableBatchOperation.Upsert(TransactionEntity.From(customerId, t, null, storedAt), TableUpdateMode.Replace));
        foreach (var chunk in operations.Chunk(TableBatchWriter.MaxOperations))
        {
            var result = await _table.SubmitBatchAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new StorageException($"Upserting transactions failed at operation {result.FailedIndex} with {result.FailedStatus} ({result.ErrorCode}).");
            }
        }
    }

    public async Task DeleteTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = KeyEncoder.Encode(customerId);
        var rowKeys = transactions.Select(TransactionEntity.RowKey).Distinct(StringComparer.Ordinal);
        foreach (var chunk in rowKeys.Chunk(TableBatchWriter.MaxOperations))
        {
            var operations = chunk.Select(rowKey => TableBatchOperation.Delete(partition, rowKey)).ToList();
            while (operations.Count > 0)
            {
                var result = await _table.SubmitBatchAsync(operations, cancellationToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    break;
                }

                if (result.FailedStatus != TableWriteStatus.NotFound || result.FailedIndex is not { } missing)
                {
                    throw new StorageException($"Deleting transactions failed at operation {result.FailedIndex} with {result.FailedStatus} ({result.ErrorCode}).");
                }

                // A missing one fails the whole batch: drop it and send the rest again.
                operations.RemoveAt(missing);
            }
        }
    }

    public async IAsyncEnumerable<CustomerRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var query = new TableQuery($"RowKey eq '{CustomerEntity.RowKey}'");
        await foreach (var entity in _table.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return CustomerEntity.To(entity);
        }
    }
}
