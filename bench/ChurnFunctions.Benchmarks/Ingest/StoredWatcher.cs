using System.Diagnostics;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.Storage;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>
/// Detects when every accepted delivery is stored, cheaply: one queue metadata read every 100 ms (Azurite counts
/// leased messages too, and the listener deletes a message only after its commit), and once sending is over and the
/// count is 0, one scan of the profiles ($select=OrderCount) to check that the orders add up. Each delivery is a
/// distinct order, so the sum of OrderCount over all customers is the number of stored transactions.
/// </summary>
internal sealed class StoredWatcher(StorageAccount storage)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    /// <summary>Creates the ingest queue and the customers table (as the app would on first use) so the probes find them.</summary>
    public async Task PrepareAsync()
    {
        await storage.GetQueueClient(Triggers.IngestQueue).CreateIfNotExistsAsync(CancellationToken.None);
        await storage.GetTableClient(TableCustomerStore.TableName).CreateIfNotExistsAsync(CancellationToken.None);
    }

    /// <param name="storedBefore">Orders stored by earlier runs; this run's accepted deliveries come on top.</param>
    public async Task<StoredResult> WaitAsync(Task<DriveResult> sending, long storedBefore)
    {
        var startTimestamp = Stopwatch.GetTimestamp();
        long expectedOrders = -1;
        var queue = storage.GetQueueClient(Triggers.IngestQueue);
        var maxBacklog = 0;
        long stored = 0;
        while (true)
        {
            int count;
            try
            {
                count = await queue.GetApproximateCountAsync(CancellationToken.None);
            }
            catch (StorageException e)
            {
                // Azurite stalled past the client's retries (seen on an overloaded machine): keep watching until the guard.
                Console.Error.WriteLine($"watcher: queue count failed ({e.Message}); polling on");
                count = -1;
            }

            var at = Stopwatch.GetTimestamp();
            maxBacklog = Math.Max(maxBacklog, count);
            if (sending.IsCompleted && count == 0)
            {
                expectedOrders = storedBefore + (await sending).Accepted;
                stored = await StoredOrdersAsync();
                var poisoned = await PoisonedAsync();
                if (stored >= expectedOrders || stored + poisoned >= expectedOrders)
                {
                    return new StoredResult(at, maxBacklog, stored, poisoned);
                }
            }

            if (Stopwatch.GetElapsedTime(startTimestamp) > Guard)
            {
                throw new TimeoutException($"Not all deliveries were stored within {Guard}: {stored} of {expectedOrders} orders, {count} messages queued.");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>The sum of OrderCount over every profile: one filtered scan, only the one column.</summary>
    public async Task<long> StoredOrdersAsync()
    {
        var table = storage.GetTableClient(TableCustomerStore.TableName);
        long sum = 0;
        await foreach (var profile in table.QueryAsync(new TableQuery("RowKey eq 'profile'", ["OrderCount"], 1000), CancellationToken.None))
        {
            sum += profile.GetInt32("OrderCount") ?? 0;
        }

        return sum;
    }

    private async Task<int> PoisonedAsync()
    {
        try
        {
            return await storage.GetQueueClient(Triggers.IngestPoisonQueue).GetApproximateCountAsync(CancellationToken.None);
        }
        catch (StorageException)
        {
            return 0; // No poison queue: nothing was poisoned.
        }
    }
}

/// <summary>When the last delivery was found stored (a Stopwatch timestamp), the largest queue backlog seen, and the counts.</summary>
internal sealed record StoredResult(long CompletedTimestamp, int MaxBacklog, long StoredOrders, int Poisoned);
