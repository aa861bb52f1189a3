using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.IntegrationTests.Support;

/// <summary>A store that always fails commits for one email, as a storage bug would: the message can never succeed.</summary>
internal sealed class FailingCustomerStore(ICustomerStore inner, string failingEmail) : ICustomerStore
{
    public int FailedCommits;

    public Task<Versioned<CustomerRecord>?> GetAsync(string customerId, CancellationToken cancellationToken) => inner.GetAsync(customerId, cancellationToken);

    public Task<WriteOutcome> CommitAsync(CustomerRecord record, string? etag, IReadOnlyList<StoredTransaction> transactions, CancellationToken cancellationToken)
    {
        if (record.Email == failingEmail)
        {
            Interlocked.Increment(ref FailedCommits);
            throw new InvalidOperationException("Simulated storage fault for " + record.Id);
        }

        return inner.CommitAsync(record, etag, transactions, cancellationToken);
    }

    public Task<WriteOutcome> SaveAsync(CustomerRecord record, string? etag, CancellationToken cancellationToken) => inner.SaveAsync(record, etag, cancellationToken);

    public Task<IReadOnlyList<StoredTransaction>> GetTransactionsAsync(string customerId, CancellationToken cancellationToken) =>
        inner.GetTransactionsAsync(customerId, cancellationToken);

    public Task UpsertTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken) =>
        inner.UpsertTransactionsAsync(customerId, transactions, cancellationToken);

    public Task DeleteTransactionsAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken) =>
        inner.DeleteTransactionsAsync(customerId, transactions, cancellationToken);

    public IAsyncEnumerable<CustomerRecord> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
}
