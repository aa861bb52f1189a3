using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// <see cref="ITransactionLookup"/> on table "customers" by point reads of the "tx|..." rows, a few at once: a
/// partition query would be one round trip, but Azurite answers every query by scanning the whole table.
/// </summary>
public sealed class TableTransactionLookup : ITransactionLookup
{
    private const int MaxParallelReads = 8;

    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableTransactionLookup(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _table = account.GetTableClient(TableCustomerStore.TableName);
        _created = new CreateOnce(_table.CreateIfNotExistsAsync);
    }

    public async Task<IReadOnlyList<bool>> StoredAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = KeyEncoder.Encode(customerId);
        var stored = new bool[transactions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, transactions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => stored[i] = await _table.GetEntityAsync(partition, TransactionEntity.RowKey(transactions[i]), ct).ConfigureAwait(false) is not null)
            .ConfigureAwait(false);
        return stored;
    }
}
