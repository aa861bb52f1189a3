using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Benchmarks.Nightly;

/// <summary>
/// Writes customers straight through <see cref="ICustomerStore"/>, the rows the ingest path writes (the record and its
/// transactions in the customer's partition), 16 customers at a time, without the HTTP, queue and identity-index work
/// the ingest path adds: the nightly jobs read none of that.
/// </summary>
internal static class StoreSeeder
{
    private const int Parallelism = 16;

    public static async Task<int> SeedAsync(ICustomerStore store, IEnumerable<SeedCustomer> customers, TimeProvider time, Action<int> progress)
    {
        var written = 0;
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (customer, ct) =>
        {
            var now = time.GetUtcNow();
            var chunks = customer.Transactions.Chunk(ICustomerStore.MaxTransactionsPerCommit).ToList();
            var first = chunks[0].Select(t => new StoredTransaction(customer.Record.Id, t, null, now)).ToList();
            var outcome = await store.CommitAsync(customer.Record, null, first, ct);
            if (outcome != WriteOutcome.Written)
            {
                throw new InvalidOperationException($"Seeding customer {customer.Record.Id} came back {outcome}: seed an empty storage account.");
            }

            // The record went in whole with the first commit; a long history's other transactions follow it.
            foreach (var chunk in chunks.Skip(1))
            {
                await store.UpsertTransactionsAsync(customer.Record.Id, chunk, ct);
            }

            var done = Interlocked.Increment(ref written);
            if (done % 5_000 == 0)
            {
                progress(done);
            }
        });
        return written;
    }
}
