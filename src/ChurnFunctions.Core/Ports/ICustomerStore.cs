using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ports;

/// <summary>
/// Customers and their transactions. A customer's record and its transactions share one partition, so a
/// transaction and the aggregate it changes are written in one atomic batch.
/// </summary>
public interface ICustomerStore
{
    Task<Versioned<CustomerRecord>?> GetAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically inserts <paramref name="transaction"/> and writes <paramref name="record"/> (inserted when
    /// <paramref name="etag"/> is null, else replaced only if it still has that ETag).
    /// </summary>
    Task<WriteOutcome> CommitAsync(CustomerRecord record, string? etag, StoredTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Writes the record alone (inserted when <paramref name="etag"/> is null, else If-Match).</summary>
    Task<WriteOutcome> SaveAsync(CustomerRecord record, string? etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredTransaction>> GetTransactionsAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Writes transactions under <paramref name="customerId"/>, replacing any with the same key (used by merges).</summary>
    Task UpsertTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken);

    /// <summary>Deletes the given transactions of a customer; missing ones are ignored.</summary>
    Task DeleteTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken);

    /// <summary>Every customer record (merged-away ones included), in pages from the store.</summary>
    IAsyncEnumerable<CustomerRecord> ListAsync(CancellationToken cancellationToken);
}
