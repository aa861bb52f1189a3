using System.Runtime.CompilerServices;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ports;

/// <summary>
/// Customers and their transactions. A customer's record and its transactions share one partition, so a
/// transaction and the aggregate it changes are written in one atomic batch.
/// </summary>
public interface ICustomerStore
{
    /// <summary>An entity group transaction holds 100 entities: the record and up to 99 transactions.</summary>
    const int MaxTransactionsPerCommit = 99;

    Task<Versioned<CustomerRecord>?> GetAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically inserts <paramref name="transactions"/> (1 to <see cref="MaxTransactionsPerCommit"/>, all of this
    /// customer) and writes <paramref name="record"/> (inserted when <paramref name="etag"/> is null, else replaced
    /// only if it still has that ETag). If any transaction key exists already the outcome is
    /// <see cref="WriteOutcome.Duplicate"/> and nothing is written.
    /// </summary>
    Task<WriteOutcome> CommitAsync(CustomerRecord record, string? etag, IReadOnlyList<StoredTransaction> transactions, CancellationToken cancellationToken);

    /// <summary>Writes the record alone (inserted when <paramref name="etag"/> is null, else If-Match).</summary>
    Task<WriteOutcome> SaveAsync(CustomerRecord record, string? etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredTransaction>> GetTransactionsAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// The transactions of each given customer (every id is a key, with none when it has none). The nightly job reads
    /// many customers' transactions at once: a store fetches them in bulk or in parallel with a bound.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredTransaction>>> GetTransactionsAsync(
        IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var result = new Dictionary<string, IReadOnlyList<StoredTransaction>>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            result[id] = await GetTransactionsAsync(id, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Every customer's stored transactions, one customer at a time with all of its rows, for a pass over the whole
    /// store (the transactions export). The default asks per customer; a table store reads the rows in pages instead.
    /// </summary>
    async IAsyncEnumerable<CustomerTransactions> ListTransactionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var customer in ListAsync(cancellationToken))
        {
            if (await GetTransactionsAsync(customer.Id, cancellationToken) is { Count: > 0 } transactions)
            {
                yield return new CustomerTransactions(customer.Id, transactions);
            }
        }
    }

    /// <summary>Writes transactions under <paramref name="customerId"/>, replacing any with the same key (used by merges).</summary>
    Task UpsertTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken);

    /// <summary>Deletes the given transactions of a customer; missing ones are ignored.</summary>
    Task DeleteTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken);

    /// <summary>Every customer record (merged-away ones included), in pages from the store.</summary>
    IAsyncEnumerable<CustomerRecord> ListAsync(CancellationToken cancellationToken);
}
