using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>The real customer store, with each call counted and timed (--split only).</summary>
internal sealed class TimedCustomerStore(ICustomerStore inner, StorageCallSplit split) : ICustomerStore
{
    public Task<Versioned<CustomerRecord>?> GetAsync(string customerId, CancellationToken cancellationToken) =>
        split.TimeAsync("customers.Get (profile read)", () => inner.GetAsync(customerId, cancellationToken));

    public Task<WriteOutcome> CommitAsync(CustomerRecord record, string? etag, IReadOnlyList<StoredTransaction> transactions, CancellationToken cancellationToken) =>
        split.TimeAsync("customers.Commit (batch: tx insert + profile)", () => inner.CommitAsync(record, etag, transactions, cancellationToken));

    public Task<WriteOutcome> SaveAsync(CustomerRecord record, string? etag, CancellationToken cancellationToken) =>
        split.TimeAsync("customers.Save", () => inner.SaveAsync(record, etag, cancellationToken));

    public Task<IReadOnlyList<StoredTransaction>> GetTransactionsAsync(string customerId, CancellationToken cancellationToken) =>
        split.TimeAsync("customers.GetTransactions", () => inner.GetTransactionsAsync(customerId, cancellationToken));

    public Task UpsertTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken) =>
        split.TimeAsync("customers.UpsertTransactions", () => inner.UpsertTransactionsAsync(customerId, transactions, cancellationToken));

    public Task DeleteTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken) =>
        split.TimeAsync("customers.DeleteTransactions", () => inner.DeleteTransactionsAsync(customerId, transactions, cancellationToken));

    public IAsyncEnumerable<CustomerRecord> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
}
