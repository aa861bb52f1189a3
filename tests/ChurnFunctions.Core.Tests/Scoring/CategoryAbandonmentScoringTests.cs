using System.Globalization;
using System.Text.Json;

namespace ChurnFunctions.Core.Tests.Scoring;

/// <summary>
/// Category abandonment from deliveries as the platforms send them: one customer stops buying coffee while still
/// buying tea (abandonment), another stops buying altogether (churn, not abandonment), and regular tea buyers give
/// the models a customer base.
/// </summary>
public sealed class CategoryAbandonmentScoringTests
{
    private static readonly DateOnly AsOf = new(2024, 12, 31);
    private static readonly DateOnly Start = new(2024, 1, 5);
    private static readonly DateOnly CoffeeStops = new(2024, 6, 30);

    private readonly DeliveryScoringRig rig = new();

    [Fact]
    public async Task A_pos_customer_who_stopped_buying_one_category_but_still_buys_others_is_flagged_and_one_who_stopped_altogether_is_not()
    {
        await PosHistoryAsync("switcher", keepsBuyingTea: true);
        await PosHistoryAsync("leaver", keepsBuyingTea: false);
        await PosFillersAsync();

        await rig.Job.RunAsync(AsOf, default);

        Assert.Equal(["Coffee"], (await rig.ScoreOfAsync(AsOf, "pos:switcher"))!.AbandonedCategories);
        Assert.Empty((await rig.ScoreOfAsync(AsOf, "pos:leaver"))!.AbandonedCategories);
        Assert.Equal(1, (await rig.Metrics.LatestAsync(default))!.CategoryAbandonment.GetValueOrDefault("Coffee"));
    }

    [Fact]
    public async Task A_shopify_customer_who_stopped_buying_one_product_type_but_still_buys_others_is_flagged_and_one_who_stopped_altogether_is_not()
    {
        await ShopifyHistoryAsync(1001, keepsBuyingTea: true);
        await ShopifyHistoryAsync(1002, keepsBuyingTea: false);
        await PosFillersAsync();

        await rig.Job.RunAsync(AsOf, default);

        Assert.Equal(["Coffee"], (await rig.ScoreOfAsync(AsOf, "shopify:1001"))!.AbandonedCategories);
        var leaver = (await rig.ScoreOfAsync(AsOf, "shopify:1002"))!;
        Assert.Empty(leaver.AbandonedCategories);
        Assert.StartsWith("churned", leaver.ChurnStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_without_categories_skips_the_rule_and_says_why_instead_of_reporting_nobody()
    {
        // CDNOW-like: purchases with amounts and no category on any line.
        for (var c = 0; c < 30; c++)
        {
            var n = 0;
            for (var day = Start.AddDays(c % 7); day <= AsOf; day = day.AddDays(10 + c))
            {
                await rig.PosAsync(JsonSerializer.Serialize(new { id = $"plain-{c}-{n++}", occurredAt = Iso(day), currency = "USD", total = 10m + c, customer = new { id = $"plain-{c}" } }));
            }
        }

        await rig.Job.RunAsync(AsOf, default);

        var snapshot = (await rig.Metrics.LatestAsync(default))!;
        Assert.Empty(snapshot.CategoryAbandonment);
        Assert.Contains("does not apply", snapshot.CategoryAbandonmentSkipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Categories_are_one_whatever_their_case_and_spacing()
    {
        await PosHistoryAsync("switcher", keepsBuyingTea: true, coffeeSpelling: n => n % 2 == 0 ? "Coffee" : " coffee ");
        await PosFillersAsync();

        await rig.Job.RunAsync(AsOf, default);

        Assert.Equal(["Coffee"], (await rig.ScoreOfAsync(AsOf, "pos:switcher"))!.AbandonedCategories);
        Assert.Null((await rig.Metrics.LatestAsync(default))!.CategoryAbandonmentSkipped);
    }

    private async Task PosHistoryAsync(string customer, bool keepsBuyingTea, Func<int, string>? coffeeSpelling = null)
    {
        var n = 0;
        foreach (var (day, coffee) in Visits(keepsBuyingTea))
        {
            var lines = new List<object> { new { sku = "TEA-1", category = "Tea", quantity = 1, amount = 12.5m } };
            if (coffee)
            {
                lines.Add(new { sku = "COF-1", category = coffeeSpelling?.Invoke(n) ?? "Coffee", quantity = 1, amount = 18m });
            }

            await rig.PosAsync(JsonSerializer.Serialize(new
            {
                id = $"{customer}-{n++}",
                occurredAt = Iso(day),
                currency = "EUR",
                total = coffee ? 30.5m : 12.5m,
                customer = new { id = customer },
                lines,
            }));
        }
    }

    private async Task ShopifyHistoryAsync(long customerId, bool keepsBuyingTea)
    {
        var n = 0;
        foreach (var (day, coffee) in Visits(keepsBuyingTea))
        {
            // The line item as orders/create sends it: product_type is the merchant's own product category.
            var lines = new List<object> { new { id = (customerId * 1000) + n, sku = "TEA-1", title = "Sencha", vendor = "Leaf & Co", product_type = "Tea", price = "12.50", quantity = 1 } };
            if (coffee)
            {
                lines.Add(new { id = (customerId * 1000) + n + 500, sku = "COF-1", title = "Espresso beans", vendor = "Leaf & Co", product_type = "Coffee", price = "18.00", quantity = 1 });
            }

            await rig.ShopifyOrderAsync(JsonSerializer.Serialize(new
            {
                id = (customerId * 1000) + n++,
                created_at = Iso(day),
                currency = "USD",
                total_price = coffee ? "30.50" : "12.50",
                financial_status = "paid",
                customer = new { id = customerId, email = $"c{customerId}@example.com" },
                line_items = lines,
            }));
        }
    }

    private async Task PosFillersAsync()
    {
        for (var c = 0; c < 30; c++)
        {
            var n = 0;
            for (var day = Start.AddDays(c % 7); day <= AsOf; day = day.AddDays(10 + c))
            {
                await rig.PosAsync(JsonSerializer.Serialize(new
                {
                    id = $"filler-{c}-{n++}",
                    occurredAt = Iso(day),
                    currency = "EUR",
                    total = 10m + c,
                    customer = new { id = $"filler-{c}" },
                    lines = new[] { new { sku = "TEA-1", category = "Tea", quantity = 1, amount = 10m + c } },
                }));
            }
        }
    }

    /// <summary>Every 14 days from 5 January: tea and coffee until 30 June, then tea alone or nothing.</summary>
    private static IEnumerable<(DateOnly Day, bool Coffee)> Visits(bool keepsBuyingTea)
    {
        for (var day = Start; day <= AsOf.AddDays(-10); day = day.AddDays(14))
        {
            if (day <= CoffeeStops)
            {
                yield return (day, true);
            }
            else if (keepsBuyingTea)
            {
                yield return (day, false);
            }
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00:00+00:00";
}
