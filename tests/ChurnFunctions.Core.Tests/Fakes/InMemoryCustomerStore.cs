using System.Runtime.CompilerServices;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Tests.Fakes;

/// <summary>An <see cref="ICustomerStore"/> with the store's concurrency rules: ETags, atomic commits, duplicate keys.</summary>
internal sealed class InMemoryCustomerStore : ICustomerStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (CustomerRecord Record, string ETag)> records = [];
    private readonly Dictionary<string, Dictionary<string, StoredTransaction>> transactions = [];
    private int version;

    /// <summary>Runs before each commit is applied: lets a test change the record under the writer.</summary>
    public Action<string>? BeforeCommit { get; set; }

    /// <summary>Rewrites what a read returns: lets a test show a reader a record as it was a moment before.</summary>
    public Func<CustomerRecord, CustomerRecord>? OnRead { get; set; }

    public int Commits { get; private set; }

    public Task<Versioned<CustomerRecord>?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(records.TryGetValue(customerId, out var r)
                ? new Versioned<CustomerRecord>(OnRead is { } rewrite ? rewrite(r.Record) : r.Record, r.ETag)
                : null);
        }
    }

    public Task<WriteOutcome> CommitAsync(CustomerRecord record, string? etag, IReadOnlyList<StoredTransaction> rows, CancellationToken cancellationToken)
    {
        BeforeCommit?.Invoke(record.Id);
        lock (gate)
        {
            var partition = Partition(record.Id);
            if (rows.Any(r => partition.ContainsKey(Key(r.Transaction))))
            {
                return Task.FromResult(WriteOutcome.Duplicate);
            }

            if (!TryWrite(record, etag))
            {
                return Task.FromResult(WriteOutcome.Conflict);
            }

            foreach (var row in rows)
            {
                partition[Key(row.Transaction)] = row;
            }

            Commits++;
            return Task.FromResult(WriteOutcome.Written);
        }
    }

    public Task<WriteOutcome> SaveAsync(CustomerRecord record, string? etag, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(TryWrite(record, etag) ? WriteOutcome.Written : WriteOutcome.Conflict);
        }
    }

    public Task<IReadOnlyList<StoredTransaction>> GetTransactionsAsync(string customerId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<StoredTransaction>>([.. Partition(customerId).Values]);
        }
    }

    public Task UpsertTransactionsAsync(string customerId, IReadOnlyList<Transaction> rows, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var t in rows)
            {
                Partition(customerId)[Key(t)] = new StoredTransaction(customerId, t, null, DateTimeOffset.UnixEpoch);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteTransactionsAsync(string customerId, IReadOnlyList<Transaction> rows, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var t in rows)
            {
                Partition(customerId).Remove(Key(t));
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<CustomerRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<CustomerRecord> all;
        lock (gate)
        {
            all = [.. records.Values.Select(r => r.Record)];
        }

        foreach (var record in all)
        {
            await Task.Yield();
            yield return record;
        }
    }

    /// <summary>Replaces a record as another writer would, changing its ETag.</summary>
    public void Touch(string customerId)
    {
        lock (gate)
        {
            var current = records[customerId];
            records[customerId] = (current.Record, "v" + ++version);
        }
    }

    private bool TryWrite(CustomerRecord record, string? etag)
    {
        var exists = records.TryGetValue(record.Id, out var current);
        if ((etag is null && exists) || (etag is not null && (!exists || current.ETag != etag)))
        {
            return false;
        }

        records[record.Id] = (record, "v" + ++version);
        return true;
    }

    private Dictionary<string, StoredTransaction> Partition(string customerId)
    {
        if (!transactions.TryGetValue(customerId, out var partition))
        {
            transactions[customerId] = partition = [];
        }

        return partition;
    }

    private static string Key(Transaction t) => $"{t.Source}|{t.ExternalId}";
}
