using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// <see cref="IStoredCustomersScan"/> on table "customers": one query for the "profile" rows, one for the keys of the
/// "tx|..." rows (only the columns that name them). Two scans, a page per thousand rows, where a read per buyer would
/// cost a round trip each (and Azurite scans the whole table for every query anyway).
/// </summary>
public sealed class TableStoredCustomersScan : IStoredCustomersScan
{
    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableStoredCustomersScan(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _table = account.GetTableClient(TableCustomerStore.TableName);
        _created = new CreateOnce(_table.CreateIfNotExistsAsync);
    }

    public async Task<StoredCustomers> ReadAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var records = new Dictionary<string, Versioned<CustomerRecord>>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync(new TableQuery($"RowKey eq '{CustomerEntity.RowKey}'"), cancellationToken).ConfigureAwait(false))
        {
            // A row without an ETag cannot be written back conditionally: leave it out, and the import reads it.
            if (entity.ETag is { } etag)
            {
                var record = CustomerEntity.To(entity);
                records[KeyEncoder.Decode(entity.PartitionKey)] = new Versioned<CustomerRecord>(record, etag);
            }
        }

        var transactions = new HashSet<(string, string, string)>();
        var filter = $"RowKey ge '{TransactionEntity.RowKeyPrefix}' and RowKey lt '{TransactionEntity.RowKeyEnd}'";
        var query = new TableQuery(filter, ["PartitionKey", "RowKey", "Source", "ExternalId"]);
        await foreach (var entity in _table.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString("Source") is { } source && entity.GetString("ExternalId") is { } externalId)
            {
                transactions.Add((KeyEncoder.Decode(entity.PartitionKey), source, externalId));
            }
        }

        return new StoredCustomers(records, transactions);
    }
}
