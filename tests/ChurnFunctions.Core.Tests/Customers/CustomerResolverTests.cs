using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Tests.Fakes;

namespace ChurnFunctions.Core.Tests.Customers;

public sealed class CustomerResolverTests
{
    private readonly IngestRig rig = new();

    [Fact]
    public async Task A_new_buyer_gets_an_id_derived_from_its_strongest_key_and_claims_every_key()
    {
        var id = await rig.Resolver.ResolveAsync(new CustomerIdentity("shopify:1", "a@example.com", "+15551234567"), default);

        Assert.Equal(CustomerIds.FromIdentityKey("shopify:1"), id);
        Assert.Equal(id, rig.Index.Keys["shopify:1"]);
        Assert.Equal(id, rig.Index.Keys["email:a@example.com"]);
        Assert.Equal(id, rig.Index.Keys["phone:+15551234567"]);
    }

    [Fact]
    public async Task A_phone_stored_under_the_old_rules_key_still_finds_its_customer_and_gains_the_e164_key()
    {
        // Before libphonenumber, "06 1234 5678" in Italy was stored as +39612345678 (the 0 dropped).
        var before = await rig.Resolver.ResolveAsync(new CustomerIdentity("pos:7", null, "+39612345678"), default);

        var now = await rig.Resolver.ResolveAsync(new CustomerIdentity(null, null, ContactNormalizer.Phone("06 1234 5678", "IT")), default);

        Assert.Equal(before, now);
        Assert.Equal(before, rig.Index.Keys["phone:+390612345678"]);
        Assert.Equal(before, rig.Index.Keys["phone:+39612345678"]);
    }

    [Fact]
    public async Task A_new_italian_landline_claims_only_its_e164_key()
    {
        var id = await rig.Resolver.ResolveAsync(new CustomerIdentity(null, null, "+390612345678"), default);

        Assert.Equal(id, rig.Index.Keys["phone:+390612345678"]);
        Assert.False(rig.Index.Keys.ContainsKey("phone:+39612345678"));
    }

    [Fact]
    public async Task Email_finds_the_customer_first_seen_on_another_platform()
    {
        var pos = await rig.Resolver.ResolveAsync(new CustomerIdentity("pos:77", "a@example.com", null), default);

        var shopify = await rig.Resolver.ResolveAsync(new CustomerIdentity("shopify:1", "a@example.com", null), default);

        Assert.Equal(pos, shopify);
        Assert.Equal(pos, rig.Index.Keys["shopify:1"]);
    }

    [Fact]
    public async Task Linking_two_customers_keeps_the_smaller_id_whichever_key_is_stronger()
    {
        var byShopify = await rig.Resolver.ResolveAsync(new CustomerIdentity("shopify:1", null, null), default);
        var byEmail = await rig.Resolver.ResolveAsync(new CustomerIdentity(null, "a@example.com", null), default);
        Assert.NotEqual(byShopify, byEmail);
        var (survivor, mergedAway) = string.CompareOrdinal(byShopify, byEmail) < 0 ? (byShopify, byEmail) : (byEmail, byShopify);

        var linked = await rig.Resolver.ResolveAsync(new CustomerIdentity("shopify:1", "a@example.com", null), default);

        Assert.Equal(survivor, linked);
        Assert.Equal(survivor, rig.Index.Keys["email:a@example.com"]);
        Assert.Equal(survivor, rig.Index.Keys["shopify:1"]);
        Assert.Equal(survivor, (await rig.Store.GetAsync(mergedAway, default))!.Value.MergedInto);
        Assert.Null((await rig.Store.GetAsync(survivor, default))!.Value.MergedInto);
    }

    [Fact]
    public async Task A_merge_moves_history_and_rebuilds_the_survivor_aggregate()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 10m), platformKey: "shopify:1")], default);
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("2", "2024-01-05T10:00:00Z", 5m), email: "a@example.com")], default);
        string[] ids = [rig.Index.Keys["shopify:1"], rig.Index.Keys["email:a@example.com"]];

        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("3", "2024-01-20T10:00:00Z", 20m), "shopify:1", "a@example.com")], default);

        var survivor = rig.Index.Keys["shopify:1"];
        var mergedAway = ids.Single(id => id != survivor);
        var record = (await rig.Store.GetAsync(survivor, default))!.Value;
        Assert.Equal(3, record.OrderCount);
        Assert.Equal(35m, record.GrossSpend);
        Assert.Equal(5m, record.FirstDaySpend);
        Assert.Equal("a@example.com", record.Email);
        Assert.Equal(3, (await rig.Store.GetTransactionsAsync(survivor, default)).Count);
        Assert.Empty(await rig.Store.GetTransactionsAsync(mergedAway, default));
    }

    [Fact]
    public async Task Lookups_of_a_merged_away_id_follow_to_the_survivor()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 10m), platformKey: "shopify:1")], default);
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("2", "2024-01-05T10:00:00Z", 5m), email: "a@example.com")], default);
        string[] ids = [rig.Index.Keys["shopify:1"], rig.Index.Keys["email:a@example.com"]];
        await rig.Resolver.ResolveAsync(new CustomerIdentity("shopify:1", "a@example.com", null), default);

        Assert.Equal(rig.Index.Keys["shopify:1"], await rig.Merger.FollowAsync(ids[0], default));
        Assert.Equal(rig.Index.Keys["shopify:1"], await rig.Merger.FollowAsync(ids[1], default));
    }

    [Fact]
    public async Task A_returning_buyer_whose_record_carries_every_key_is_read_without_a_lookup()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 10m), "shopify:1", "a@example.com")], default);
        rig.Index.Finds.Clear();

        var again = await rig.Resolver.ResolveWithRecordAsync(new CustomerIdentity("shopify:1", "a@example.com", null), default);

        Assert.Empty(rig.Index.Finds);
        Assert.Equal(rig.Index.Keys["shopify:1"], again.Id);
        Assert.Equal(1, again.Record!.Value.OrderCount);
    }

    [Fact]
    public async Task A_returning_buyer_with_a_new_email_claims_it()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 10m), "shopify:1", "a@example.com")], default);
        rig.Index.Finds.Clear();

        var id = await rig.Resolver.ResolveAsync(new CustomerIdentity("shopify:1", "b@example.com", null), default);

        Assert.Equal(["shopify:1", "email:b@example.com"], rig.Index.Finds);
        Assert.Equal(id, rig.Index.Keys["email:b@example.com"]);
        Assert.Equal(id, rig.Index.Keys["email:a@example.com"]);
    }

    [Fact]
    public async Task A_returning_buyer_first_seen_at_the_pos_costs_one_lookup()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 10m), "pos:77", "a@example.com")], default);
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("2", "2024-01-11T10:00:00Z", 10m), "shopify:1", "a@example.com")], default);
        rig.Index.Finds.Clear();

        var again = await rig.Resolver.ResolveWithRecordAsync(new CustomerIdentity("shopify:1", "a@example.com", null), default);

        Assert.Equal(["shopify:1"], rig.Index.Finds);
        Assert.Equal(rig.Index.Keys["pos:77"], again.Id);
        Assert.Equal(2, again.Record!.Value.OrderCount);
    }

    [Fact]
    public async Task A_merged_away_email_still_finds_the_survivor_when_the_survivor_carries_it()
    {
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("1", "2024-01-10T10:00:00Z", 10m), platformKey: "shopify:1")], default);
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("2", "2024-01-05T10:00:00Z", 5m), email: "a@example.com")], default);
        await rig.Processor.ProcessAsync([Tx.For(Tx.Purchase("3", "2024-01-20T10:00:00Z", 20m), "shopify:1", "a@example.com")], default);

        var byEmail = await rig.Resolver.ResolveAsync(new CustomerIdentity(null, "a@example.com", null), default);
        var byBoth = await rig.Resolver.ResolveAsync(new CustomerIdentity("shopify:1", "a@example.com", null), default);

        Assert.Equal(rig.Index.Keys["shopify:1"], byEmail);
        Assert.Equal(byEmail, byBoth);
    }

    [Fact]
    public async Task No_identity_means_the_anonymous_customer()
    {
        Assert.Equal(CustomerIds.Anonymous, await rig.Resolver.ResolveAsync(new CustomerIdentity(null, null, null), default));
        Assert.Empty(rig.Index.Keys);
    }
}
