using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class CustomerStoreTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly StorageAccount _account = StorageAccount.FromConnectionString(azurite.ConnectionString);

    [Fact]
    public async Task Commit_then_get_round_trips_the_full_record_and_transaction_exactly()
    {
        var store = Store();
        var record = FullRecord(NewId());
        var stored = new StoredTransaction(record.Id, FullTransaction("shop/ify", "#1001|a"), "evt-1", Now);

        var outcome = await store.CommitAsync(record, null, [stored], default);
        var read = await store.GetAsync(record.Id, default);
        var transactions = await store.GetTransactionsAsync(record.Id, default);

        Assert.Equal(WriteOutcome.Written, outcome);
        Assert.NotNull(read);
        AssertSame(record, read.Value);
        var back = Assert.Single(transactions);
        Assert.Equal(stored with { Transaction = back.Transaction }, back);
        Assert.Equal(stored.Transaction with { Lines = back.Transaction.Lines }, back.Transaction);
        Assert.Equal(stored.Transaction.Lines, back.Transaction.Lines);
        Assert.Equal(TimeSpan.FromHours(-7), back.Transaction.OccurredAt.Offset);
        Assert.Equal("1.10", back.Transaction.GrossTotal.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Batch_with_existing_transaction_reports_duplicate_and_writes_nothing()
    {
        var store = Store();
        var record = FullRecord(NewId());
        await store.CommitAsync(record, null, [Stored(record.Id, "t1")], default);
        var current = await store.GetAsync(record.Id, default);

        var outcome = await store.CommitAsync(record with { OrderCount = 99 }, current!.ETag, [Stored(record.Id, "t2"), Stored(record.Id, "t1")], default);

        Assert.Equal(WriteOutcome.Duplicate, outcome);
        Assert.Single(await store.GetTransactionsAsync(record.Id, default));
        Assert.Equal(record.OrderCount, (await store.GetAsync(record.Id, default))!.Value.OrderCount);
    }

    [Fact]
    public async Task Commit_with_stale_etag_or_over_an_existing_record_reports_conflict()
    {
        var store = Store();
        var record = FullRecord(NewId());
        await store.CommitAsync(record, null, [Stored(record.Id, "t1")], default);
        var first = await store.GetAsync(record.Id, default);
        await store.SaveAsync(record with { OrderCount = 5 }, first!.ETag, default);

        var stale = await store.CommitAsync(record, first.ETag, [Stored(record.Id, "t2")], default);
        var insertAgain = await store.CommitAsync(record, null, [Stored(record.Id, "t3")], default);

        Assert.Equal(WriteOutcome.Conflict, stale);
        Assert.Equal(WriteOutcome.Conflict, insertAgain);
        Assert.Single(await store.GetTransactionsAsync(record.Id, default));
    }

    [Fact]
    public async Task Save_inserts_then_updates_only_with_the_current_etag()
    {
        var store = Store();
        var record = FullRecord(NewId());

        Assert.Equal(WriteOutcome.Written, await store.SaveAsync(record, null, default));
        Assert.Equal(WriteOutcome.Conflict, await store.SaveAsync(record, null, default));
        var current = await store.GetAsync(record.Id, default);
        Assert.Equal(WriteOutcome.Written, await store.SaveAsync(record with { MergedInto = "other" }, current!.ETag, default));
        Assert.Equal(WriteOutcome.Conflict, await store.SaveAsync(record, current.ETag, default));
        Assert.Equal("other", (await store.GetAsync(record.Id, default))!.Value.MergedInto);
    }

    [Fact]
    public async Task Upsert_and_delete_transactions_move_history_and_ignore_missing_ones()
    {
        var store = Store();
        var id = NewId();
        var transactions = Enumerable.Range(0, 150).Select(i => FullTransaction("pos", "o" + i)).ToList();

        await store.UpsertTransactionsAsync(id, transactions, default);
        await store.UpsertTransactionsAsync(id, transactions.Take(3).ToList(), default);
        await store.DeleteTransactionsAsync(id, [.. transactions.Take(100), FullTransaction("pos", "never-stored")], default);

        var left = await store.GetTransactionsAsync(id, default);
        Assert.Equal(50, left.Count);
        Assert.All(left, t => Assert.Equal(id, t.CustomerId));
    }

    [Fact]
    public async Task List_returns_profile_rows_only()
    {
        var store = Store();
        var ids = new[] { NewId(), NewId() };
        foreach (var id in ids)
        {
            await store.CommitAsync(FullRecord(id), null, [Stored(id, "t1"), Stored(id, "t2")], default);
        }

        var listed = await store.ListAsync(default).Select(r => r.Id).ToListAsync();

        Assert.Contains(ids[0], listed);
        Assert.Contains(ids[1], listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    public void Dispose() => _account.Dispose();

    private static string NewId() => "cust/" + Guid.NewGuid().ToString("N")[..10];

    private static StoredTransaction Stored(string customerId, string externalId) =>
        new(customerId, FullTransaction("shopify", externalId), null, Now);

    private static Transaction FullTransaction(string source, string externalId) => new(
        source,
        externalId,
        TransactionKind.Purchase,
        new DateTimeOffset(2024, 4, 30, 23, 30, 0, TimeSpan.FromHours(-7)).AddTicks(1234567),
        "USD",
        1.10m,
        0.00m,
        [new LineItem("SKU-1", "Music", 2m, 0.55m), new LineItem(null, null, 1.5m, 0.000001m)],
        SalesChannel.Online,
        "Store 9",
        null);

    private static CustomerRecord FullRecord(string id) => new()
    {
        Id = id,
        PlatformKeys = ["shopify:1", "square:x|y"],
        Email = "a@b.c",
        Phone = "+15551234567",
        FirstName = "Zoë",
        LastName = "O'Brien",
        Birthday = new DateOnly(1990, 2, 28),
        TimeZone = "America/Denver",
        Consents = [new ConsentRecord(MessageChannel.Email, true, "shopify", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(5.5)))],
        IsAnonymous = false,
        FirstPurchaseAt = new DateTimeOffset(2020, 1, 1, 10, 0, 0, TimeSpan.FromHours(1)),
        LastPurchaseAt = new DateTimeOffset(2024, 4, 30, 23, 30, 0, TimeSpan.FromHours(-7)),
        PurchaseDays = [.. Enumerable.Range(0, 5000).Select(i => new DateOnly(2000, 1, 1).AddDays(i * 2))],
        PurchaseDaySpend = [.. Enumerable.Range(0, 5000).Select(i => 0.01m * i)],
        OrderCount = 12,
        RefundCount = 1,
        GrossSpend = 1234.5600m,
        NetSpend = 0.1m + 0.2m,
        FirstDaySpend = 79228162514264337593543950335m,
        CategorySpend = new Dictionary<string, decimal> { ["Music"] = 10.10m, ["Other|x"] = -0.01m },
        Currency = "USD",
        OtherCurrencyTransactions = 2,
        MergedInto = null,
    };

    private static void AssertSame(CustomerRecord expected, CustomerRecord actual)
    {
        Assert.Equal(expected.PlatformKeys, actual.PlatformKeys);
        Assert.Equal(expected.Consents, actual.Consents);
        Assert.Equal(expected.PurchaseDays, actual.PurchaseDays);
        Assert.Equal(expected.PurchaseDaySpend, actual.PurchaseDaySpend);
        Assert.Equal(expected.CategorySpend.OrderBy(p => p.Key), actual.CategorySpend.OrderBy(p => p.Key));
        Assert.Equal(expected.GrossSpend.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.GrossSpend.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.FirstPurchaseAt!.Value.Offset, actual.FirstPurchaseAt!.Value.Offset);
        Assert.Equal(
            expected with { PlatformKeys = [], Consents = [], PurchaseDays = [], PurchaseDaySpend = [], CategorySpend = new Dictionary<string, decimal>() },
            actual with { PlatformKeys = [], Consents = [], PurchaseDays = [], PurchaseDaySpend = [], CategorySpend = new Dictionary<string, decimal>() },
            new RecordComparer());
    }

    private TableCustomerStore Store() => new(_account, TimeProvider.System);

    private sealed class RecordComparer : IEqualityComparer<CustomerRecord>
    {
        public bool Equals(CustomerRecord? x, CustomerRecord? y) =>
            x is not null && y is not null && (x with { CategorySpend = y.CategorySpend, PlatformKeys = y.PlatformKeys, Consents = y.Consents, PurchaseDays = y.PurchaseDays, PurchaseDaySpend = y.PurchaseDaySpend }) == y;

        public int GetHashCode(CustomerRecord obj) => 0;
    }
}
