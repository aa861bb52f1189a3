using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Storage.Engagement;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

/// <summary>The bulk reads and writes the nightly jobs use, against Azurite: pages past 1,000 rows, batches past 100 entities, mixed partitions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BulkReadTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly StorageAccount _account = StorageAccount.FromConnectionString(azurite.ConnectionString);

    [Fact]
    public async Task Score_store_writes_a_day_of_2345_scores_and_reads_them_all_back_through_pages()
    {
        var store = new TableScoreStore(_account);
        var day = UniqueDay();
        var scores = Enumerable.Range(0, 2_345).Select(i => Score($"c/{i:D5}", day, i / 10_000.0)).ToList();
        await store.SaveAsync(day, scores, default);
        await store.SaveAsync(day.AddDays(1), [Score("c/00001", day.AddDays(1), 0.99)], default);
        var wanted = scores.Select(s => s.CustomerId).Append("never-scored").ToList();

        var read = await store.GetManyAsync(day, wanted, default);

        Assert.True(wanted.Count > TableScoreStore.MaxPointReads);
        Assert.Equal(2_345, read.Count);
        Assert.All(scores, s => Assert.Equal(s.ProbabilityAlive, read[s.CustomerId].ProbabilityAlive));
        Assert.Equal(day, read["c/00001"].AsOf);
        Assert.False(read.ContainsKey("never-scored"));
    }

    [Fact]
    public async Task Score_store_reads_a_few_customers_by_point_reads_and_leaves_out_the_unscored()
    {
        var store = new TableScoreStore(_account);
        var day = UniqueDay();
        await store.SaveAsync(day, [Score("a'b", day, 0.25), Score("c/d", day, 0.5), Score("e", day, 0.75)], default);

        var read = await store.GetManyAsync(day, ["a'b", "e", "missing"], default);

        Assert.Equal(2, read.Count);
        Assert.Equal(0.25, read["a'b"].ProbabilityAlive);
        Assert.Equal(0.75, read["e"].ProbabilityAlive);
    }

    [Fact]
    public async Task Score_store_spreads_a_day_over_bucket_partitions_and_still_reads_a_day_written_in_one_partition()
    {
        // Arrange: 300 scores through the store, and two rows as runs before buckets wrote them (PartitionKey the day).
        var store = new TableScoreStore(_account);
        var day = UniqueDay();
        var scores = Enumerable.Range(0, 300).Select(i => Score($"b/{i:D4}", day, 0.5)).ToList();
        await store.SaveAsync(day, scores, default);
        var legacy = new JsonRows<CustomerScore>(_account, TableScoreStore.TableName);
        var dayKey = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        await legacy.UpsertPartitionAsync(dayKey, [("old-1", Score("old-1", day, 0.125)), ("old-2", Score("old-2", day, 0.25))], default);

        // Act
        var many = await store.GetManyAsync(day, [.. scores.Select(s => s.CustomerId), "old-1", "old-2"], default);
        var few = await store.GetManyAsync(day, ["old-1", "b/0007"], default);
        var one = await store.GetAsync(day, "old-2", default);

        // Assert
        Assert.True(scores.Select(s => TableScoreStore.Partition(day, s.CustomerId)).Distinct().Count() > 1);
        Assert.Equal(302, many.Count);
        Assert.Equal(0.125, many["old-1"].ProbabilityAlive);
        Assert.Equal(2, few.Count);
        Assert.Equal(0.125, few["old-1"].ProbabilityAlive);
        Assert.Equal(0.25, one!.ProbabilityAlive);
    }

    [Fact]
    public async Task Score_store_rerun_of_a_day_replaces_its_rows()
    {
        var store = new TableScoreStore(_account);
        var day = UniqueDay();
        await store.SaveAsync(day, [.. Enumerable.Range(0, 150).Select(i => Score($"r/{i:D3}", day, 0.5))], default);

        await store.SaveAsync(day, [.. Enumerable.Range(0, 150).Select(i => Score($"r/{i:D3}", day, 0.75))], default);

        var read = await store.GetManyAsync(day, [.. Enumerable.Range(0, 150).Select(i => $"r/{i:D3}")], default);
        Assert.Equal(150, read.Count);
        Assert.All(read.Values, s => Assert.Equal(0.75, s.ProbabilityAlive));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(260)]
    public async Task Customer_store_reads_the_transactions_of_many_customers_each_under_its_own_customer(int customers)
    {
        // Arrange: customers with 1 to 7 transactions each (over 1,000 rows in all for the larger case), one with 150
        // (written in two batches), one with none, and an unrelated customer that must not leak in.
        var store = new TableCustomerStore(_account, TimeProvider.System);
        var ids = Enumerable.Range(0, customers).Select(_ => "bulk/" + Guid.NewGuid().ToString("N")[..10]).ToList();
        var expected = new Dictionary<string, int>();
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, ct) =>
        {
            var count = c.i == 0 ? 150 : c.i == 1 ? 0 : 1 + (c.i % 7);
            lock (expected)
            {
                expected[c.id] = count;
            }

            if (count > 0)
            {
                var transactions = Enumerable.Range(0, count).Select(k => Transaction($"{c.id}-{k}")).ToList();
                await store.CommitAsync(new CustomerRecord { Id = c.id }, null, [.. transactions.Take(10).Select(t => new StoredTransaction(c.id, t, null, Now))], ct);
                await store.UpsertTransactionsAsync(c.id, [.. transactions.Skip(10)], ct);
            }
        });
        var other = "bulk/" + Guid.NewGuid().ToString("N")[..10];
        await store.CommitAsync(new CustomerRecord { Id = other }, null, [new StoredTransaction(other, Transaction("other"), null, Now)], default);

        // Act
        var read = await store.GetTransactionsAsync(ids, default);

        // Assert
        Assert.Equal(ids.Order(), read.Keys.Order());
        foreach (var id in ids)
        {
            Assert.Equal(expected[id], read[id].Count);
            Assert.All(read[id], t => Assert.Equal(id, t.CustomerId));
            Assert.All(read[id], t => Assert.StartsWith(id + "-", t.Transaction.ExternalId, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Customer_store_lists_every_customers_transactions_once_with_all_its_rows_across_pages()
    {
        var store = new TableCustomerStore(_account, TimeProvider.System);
        var ids = Enumerable.Range(0, 300).Select(i => $"pass/{Guid.NewGuid():N}"[..16] + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, ct) =>
        {
            var transactions = Enumerable.Range(0, c.i == 0 ? 1_150 : 1 + (c.i % 5)).Select(k => Transaction($"{c.id}-{k}")).ToList();
            await store.CommitAsync(new CustomerRecord { Id = c.id }, null, [.. transactions.Take(10).Select(t => new StoredTransaction(c.id, t, null, Now))], ct);
            await store.UpsertTransactionsAsync(c.id, [.. transactions.Skip(10)], ct);
        });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mine = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var customer in store.ListTransactionsAsync(default))
        {
            Assert.True(seen.Add(customer.CustomerId), $"{customer.CustomerId} came twice");
            Assert.All(customer.Transactions, t => Assert.Equal(customer.CustomerId, t.CustomerId));
            if (ids.Contains(customer.CustomerId))
            {
                mine[customer.CustomerId] = customer.Transactions.Count;
            }
        }

        Assert.Equal(ids.Select((id, i) => (id, i == 0 ? 1_150 : 1 + (i % 5))).OrderBy(p => p.id, StringComparer.Ordinal),
            mine.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(250)]
    public async Task Feedback_store_reads_the_latest_answers_of_many_customers(int customers)
    {
        var store = new TableFeedbackStore(_account);
        var ids = Enumerable.Range(0, customers).Select(_ => "fb/" + Guid.NewGuid().ToString("N")[..10]).ToList();
        await store.SaveAsync(new FeedbackEntry(ids[0], ChurnReason.Price, null, Now), default);
        await store.SaveAsync(new FeedbackEntry(ids[0], ChurnReason.ProductQuality, null, Now.AddDays(1)), default);

        var read = await store.GetLatestManyAsync(ids, default);

        var entry = Assert.Single(read);
        Assert.Equal(ids[0], entry.Key);
        Assert.Equal(ChurnReason.ProductQuality, entry.Value.Reason);
    }

    public void Dispose() => _account.Dispose();

    // Runs share one Azurite: each test writes its own day of scores.
    private static DateOnly UniqueDay() => new DateOnly(1900, 1, 1).AddDays(Random.Shared.Next(0, 36_500));

    private static CustomerScore Score(string id, DateOnly day, double alive) =>
        new(id, day, alive, 1, 90, null, null, null, 1, 1, 1, "loyal", "potential", "medium", "active", false, []);

    private static Transaction Transaction(string externalId) =>
        new("bulk", externalId, TransactionKind.Purchase, Now, "USD", 10m, 0m, [new LineItem(null, "coffee", 1, 10m)], SalesChannel.Online);
}
