using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Tests.Fakes;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class IngestProcessorTests
{
    private readonly IngestRig rig = new();

    [Fact]
    public async Task A_redelivered_transaction_is_stored_once()
    {
        var item = Tx.For(Tx.Purchase("order:1", "2024-01-10T10:00:00Z", 10m), platformKey: "shopify:1");

        var first = await rig.Processor.ProcessAsync([item], default);
        var second = await rig.Processor.ProcessAsync([item], default);

        Assert.Equal(new IngestOutcome(1, 0), first);
        Assert.Equal(new IngestOutcome(0, 1), second);
        var record = (await rig.Store.GetAsync(rig.Index.Keys["shopify:1"], default))!.Value;
        Assert.Equal(1, record.OrderCount);
    }

    [Fact]
    public async Task A_batch_with_one_seen_transaction_stores_the_others_and_counts_the_duplicate()
    {
        var seen = Tx.For(Tx.Purchase("2", "2024-01-11T10:00:00Z", 2m), platformKey: "pos:1");
        await rig.Processor.ProcessAsync([seen], default);

        var outcome = await rig.Processor.ProcessAsync(
            [Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1"), seen, Tx.For(Tx.Purchase("3", "2024-01-12T10:00:00Z", 3m), platformKey: "pos:1")],
            default);

        Assert.Equal(new IngestOutcome(2, 1), outcome);
        Assert.Equal(6m, (await rig.Store.GetAsync(rig.Index.Keys["pos:1"], default))!.Value.GrossSpend);
    }

    [Fact]
    public async Task A_lost_race_is_reread_and_applied_again()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1")], default);
        var id = rig.Index.Keys["pos:1"];
        var raced = false;
        rig.Store.BeforeCommit = customer =>
        {
            if (!raced)
            {
                raced = true;
                rig.Store.Touch(customer);
            }
        };

        var outcome = await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("2", "2024-01-11T10:00:00Z", 2m), platformKey: "pos:1")], default);

        Assert.Equal(new IngestOutcome(1, 0), outcome);
        Assert.Equal(2, (await rig.Store.GetAsync(id, default))!.Value.OrderCount);
    }

    [Fact]
    public async Task Concurrent_orders_for_one_customer_all_count()
    {
        var orders = Enumerable.Range(1, 200)
            .Select(i => Tx.For(Tx.Purchase("order:" + i, "2024-01-10T10:00:00Z", 1m), platformKey: "shopify:42"));

        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (o, ct) =>
            await rig.Processor.ProcessAsync([o], ct));

        var record = (await rig.Store.GetAsync(rig.Index.Keys["shopify:42"], default))!.Value;
        Assert.Equal(200, record.OrderCount);
        Assert.Equal(200m, record.GrossSpend);
    }

    [Fact]
    public async Task Anonymous_sales_are_kept_under_the_anonymous_customer()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("payment:1", "2024-01-10T10:00:00Z", 4m))], default);

        var record = (await rig.Store.GetAsync(CustomerIds.Anonymous, default))!.Value;
        Assert.True(record.IsAnonymous);
        Assert.Equal(1, record.OrderCount);
    }

    [Fact]
    public async Task More_than_a_batch_of_transactions_for_one_customer_is_split_into_commits()
    {
        var items = Enumerable.Range(1, 250)
            .Select(i => Tx.For(Tx.Purchase("line:" + i, "2024-01-10T10:00:00Z", 1m), platformKey: "cdnow:1"))
            .ToList();

        var outcome = await rig.Processor.ProcessAsync(items, default);

        Assert.Equal(250, outcome.Stored);
        Assert.Equal(3, rig.Store.Commits);
    }

    [Fact]
    public async Task A_refund_without_a_buyer_finds_the_customer_of_its_order()
    {
        var order = Tx.Purchase("order:7", "2024-01-10T10:00:00Z", 50m) with { Source = SourceNames.Shopify };
        await rig.Processor.ProcessAsync([Tx.For(order, platformKey: "shopify:1")], default);
        var refund = Tx.Refund("refund:9", "order:7", "2024-01-12T10:00:00Z", 20m) with { Source = SourceNames.Shopify };

        await rig.Processor.ProcessAsync([new NormalizedTransaction(refund, null)], default);

        var record = (await rig.Store.GetAsync(rig.Index.Keys["shopify:1"], default))!.Value;
        Assert.Equal(30m, record.NetSpend);
        Assert.Equal(1, record.RefundCount);
    }

    [Theory]
    [InlineData("square:C1")]
    [InlineData(null)]
    public async Task A_square_refund_finds_the_customer_of_its_payment_even_an_anonymous_one(string? buyer)
    {
        var payment = Tx.Purchase("payment:P1", "2024-01-10T10:00:00Z", 50m) with { Source = SourceNames.Square };
        await rig.Processor.ProcessAsync([buyer is null ? new NormalizedTransaction(payment, null) : Tx.For(payment, platformKey: buyer)], default);
        var refund = Tx.Refund("refund:R1", "payment:P1", "2024-01-12T10:00:00Z", 20m) with { Source = SourceNames.Square };

        await rig.Processor.ProcessAsync([new NormalizedTransaction(refund, null)], default);

        var record = (await rig.Store.GetAsync(buyer is null ? CustomerIds.Anonymous : rig.Index.Keys[buyer], default))!.Value;
        Assert.Equal((30m, 1), (record.NetSpend, record.RefundCount));
    }

    [Fact]
    public async Task A_refund_that_overtakes_its_order_fails_with_order_not_found_so_it_is_retried()
    {
        var refund = Tx.Refund("refund:9", "order:404", "2024-01-12T10:00:00Z", 20m) with { Source = SourceNames.Shopify };

        await Assert.ThrowsAsync<OrderNotFoundException>(() => rig.Processor.ProcessAsync([new NormalizedTransaction(refund, null)], default));
        Assert.Null(await rig.Store.GetAsync(CustomerIds.Anonymous, default));
    }
}
