using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Tests.Fakes;

namespace ChurnFunctions.Core.Tests.Customers;

public sealed class CustomerMergerTests
{
    [Theory]
    [InlineData("c1", "c2")]
    [InlineData("c2", "c1")]
    public async Task Merging_in_either_direction_keeps_the_smaller_id(string first, string second)
    {
        var rig = new IngestRig();
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c1", PlatformKeys = ["shopify:1"] }, null, default);
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c2", PlatformKeys = ["shopify:2"] }, null, default);

        var survivor = await rig.Merger.MergeAsync(first, second, default);

        Assert.Equal("c1", survivor);
        Assert.Equal("c1", (await rig.Store.GetAsync("c2", default))!.Value.MergedInto);
        Assert.Null((await rig.Store.GetAsync("c1", default))!.Value.MergedInto);
        Assert.Equal(["shopify:1", "shopify:2"], (await rig.Store.GetAsync("c1", default))!.Value.PlatformKeys.Order());
    }

    [Fact]
    public async Task A_customer_already_merged_elsewhere_is_not_repointed_but_its_survivor_is_merged()
    {
        var rig = new IngestRig();
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c1" }, null, default);
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c3", MergedInto = "c1" }, null, default);
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c2" }, null, default);

        var survivor = await rig.Merger.MergeAsync("c3", "c2", default);

        Assert.Equal("c1", survivor);
        Assert.Equal("c1", (await rig.Store.GetAsync("c3", default))!.Value.MergedInto);
        Assert.Equal("c1", (await rig.Store.GetAsync("c2", default))!.Value.MergedInto);
    }

    [Fact]
    public async Task Rows_moved_into_a_customer_merged_away_meanwhile_are_carried_on_to_its_survivor()
    {
        var rig = new IngestRig();
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c1" }, null, default);
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c3" }, null, default);
        await rig.Store.UpsertTransactionsAsync("c3", [Tx.Purchase("1", "2024-01-10T10:00:00Z", 10m)], default);
        // Another delivery marked c2 merged into c1 and read c2's (empty) partition before c3's rows arrive in it.
        await rig.Store.SaveAsync(new CustomerRecord { Id = "c2", MergedInto = "c1" }, null, default);
        var hidden = false;
        rig.Store.OnRead = r => r.Id == "c2" && !hidden && (hidden = true) ? r with { MergedInto = null } : r;

        await rig.Merger.MergeAsync("c3", "c2", default);

        Assert.Single(await rig.Store.GetTransactionsAsync("c1", default));
        Assert.Empty(await rig.Store.GetTransactionsAsync("c2", default));
        Assert.Empty(await rig.Store.GetTransactionsAsync("c3", default));
    }

    [Fact]
    public async Task Deliveries_linking_two_customers_from_opposite_ends_at_once_never_form_a_cycle_or_lose_a_purchase()
    {
        for (var round = 0; round < 200; round++)
        {
            var rig = new IngestRig();
            await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("a", "2024-01-01T10:00:00Z", 1m), "shopify:1", "a@example.com")], default);
            await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("b", "2024-01-02T10:00:00Z", 2m), "shopify:2", "b@example.com")], default);
            var a = rig.Index.Keys["shopify:1"];
            var b = rig.Index.Keys["shopify:2"];

            // Each delivery's strongest key is held by a different customer, so each starts from a different survivor.
            using var start = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("x", "2024-01-03T10:00:00Z", 4m), "shopify:1", "b@example.com")], default); }),
                Task.Run(() => { start.SignalAndWait(); return rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("y", "2024-01-04T10:00:00Z", 8m), "shopify:2", "a@example.com")], default); }));

            var survivor = await rig.Merger.FollowAsync(a, default);
            Assert.Equal(survivor, await rig.Merger.FollowAsync(b, default));
            Assert.Equal(string.CompareOrdinal(a, b) < 0 ? a : b, survivor);
            Assert.Equal(["a", "b", "x", "y"], (await rig.Store.GetTransactionsAsync(survivor, default)).Select(t => t.Transaction.ExternalId).Order());
            Assert.Equal(15m, (await rig.Store.GetAsync(survivor, default))!.Value.GrossSpend);
        }
    }
}
