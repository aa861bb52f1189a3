using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Tests.Fakes;

namespace ChurnFunctions.Core.Tests.Customers;

public sealed class CustomerAggregatorTests
{
    private static readonly CustomerRecord Empty = new() { Id = "c1" };

    [Fact]
    public void Purchases_on_the_same_day_count_one_purchase_day_and_two_orders()
    {
        var record = Apply(
            Tx.Purchase("1", "2024-03-01T09:00:00+01:00", 10m),
            Tx.Purchase("2", "2024-03-01T18:00:00+01:00", 15m),
            Tx.Purchase("3", "2024-03-05T10:00:00+01:00", 20m));

        Assert.Equal(3, record.OrderCount);
        Assert.Equal(2, record.DistinctPurchaseDays);
        Assert.Equal(45m, record.GrossSpend);
        Assert.Equal(25m, record.FirstDaySpend);
        Assert.Equal([25m, 20m], record.PurchaseDaySpend);
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T09:00:00+01:00"), record.FirstPurchaseAt);
        Assert.Equal(DateTimeOffset.Parse("2024-03-05T10:00:00+01:00"), record.LastPurchaseAt);
    }

    [Fact]
    public void An_earlier_purchase_arriving_late_becomes_the_first_day()
    {
        var record = Apply(
            Tx.Purchase("1", "2024-03-05T10:00:00Z", 20m),
            Tx.Purchase("2", "2024-03-01T10:00:00Z", 7m));

        Assert.Equal([new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 5)], record.PurchaseDays);
        Assert.Equal([7m, 20m], record.PurchaseDaySpend);
        Assert.Equal(7m, record.FirstDaySpend);
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T10:00:00Z"), record.FirstPurchaseAt);
    }

    [Fact]
    public void The_purchase_day_is_the_local_day_of_the_platform_offset()
    {
        // 23:30 in New York is the next day in UTC: the customer shopped on the 1st.
        var record = Apply(Tx.Purchase("1", "2024-03-01T23:30:00-05:00", 5m));

        Assert.Equal(new DateOnly(2024, 3, 1), record.PurchaseDays.Single());
    }

    [Fact]
    public void Refunds_lower_net_spend_and_category_spend_but_not_orders()
    {
        var record = Apply(
            Tx.Purchase("1", "2024-03-01T10:00:00Z", 100m, "shoes"),
            Tx.Refund("r1", "1", "2024-03-03T10:00:00Z", 30m, "shoes"));

        Assert.Equal(1, record.OrderCount);
        Assert.Equal(1, record.RefundCount);
        Assert.Equal(100m, record.GrossSpend);
        Assert.Equal(70m, record.NetSpend);
        Assert.Equal(70m, record.CategorySpend["shoes"]);
        Assert.Single(record.PurchaseDays);
    }

    [Fact]
    public void A_transaction_in_another_currency_is_counted_apart_not_summed()
    {
        var record = Apply(
            Tx.Purchase("1", "2024-03-01T10:00:00Z", 100m),
            Tx.Purchase("2", "2024-03-02T10:00:00Z", 9000m, currency: "JPY"));

        Assert.Equal("USD", record.Currency);
        Assert.Equal(100m, record.GrossSpend);
        Assert.Equal(1, record.OtherCurrencyTransactions);
    }

    [Fact]
    public void Identity_fills_blanks_and_keeps_the_latest_consent_per_channel()
    {
        var at = DateTimeOffset.Parse("2024-01-01T00:00:00Z");
        var record = CustomerAggregator.Apply(Empty, new CustomerIdentity(
            "shopify:1", "a@example.com", null, "Ada", Consents: [new ConsentRecord(MessageChannel.Email, true, "shopify", at)]));
        record = CustomerAggregator.Apply(record, new CustomerIdentity(
            "pos:9", null, "+15551234567", Consents: [new ConsentRecord(MessageChannel.Email, false, "pos", at.AddDays(1))]));

        Assert.Equal(["shopify:1", "pos:9"], record.PlatformKeys);
        Assert.Equal("a@example.com", record.Email);
        Assert.Equal("+15551234567", record.Phone);
        Assert.Equal("Ada", record.FirstName);
        Assert.False(record.Consents.Single().Granted);
    }

    [Fact]
    public void Rebuild_recomputes_the_aggregate_from_both_customers_transactions()
    {
        var survivor = Apply(Tx.Purchase("1", "2024-03-05T10:00:00Z", 20m));
        var merged = Apply(Tx.Purchase("2", "2024-03-01T10:00:00Z", 7m)) with { Id = "c2", Email = "b@example.com", PlatformKeys = ["pos:2"] };

        var rebuilt = CustomerAggregator.Rebuild(survivor, merged, [
            Tx.Purchase("1", "2024-03-05T10:00:00Z", 20m),
            Tx.Refund("r", "2", "2024-03-02T10:00:00Z", 2m),
            Tx.Purchase("2", "2024-03-01T10:00:00Z", 7m),
        ]);

        Assert.Equal("c1", rebuilt.Id);
        Assert.Equal(2, rebuilt.OrderCount);
        Assert.Equal(27m, rebuilt.GrossSpend);
        Assert.Equal(25m, rebuilt.NetSpend);
        Assert.Equal(7m, rebuilt.FirstDaySpend);
        Assert.Equal("b@example.com", rebuilt.Email);
        Assert.Contains("pos:2", rebuilt.PlatformKeys);
    }

    private static CustomerRecord Apply(params Transaction[] transactions) =>
        transactions.Aggregate(Empty, CustomerAggregator.Apply);
}
