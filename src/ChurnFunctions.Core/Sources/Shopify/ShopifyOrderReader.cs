using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.Shopify;

/// <summary>An order object (orders/create, orders/paid) as one purchase.</summary>
internal static class ShopifyOrderReader
{
    public static NormalizationResult Read(JsonElement order, string? eventId, string? defaultRegion)
    {
        var id = order.Id("id");
        if (id is null)
        {
            return NormalizationResult.Invalid("id", "The order has no id.");
        }

        // A voided or cancelled order was never a sale; storing it would count spend that did not happen.
        if (string.Equals(order.String("financial_status"), "voided", StringComparison.OrdinalIgnoreCase))
        {
            return NormalizationResult.Ignored($"Shopify order {id} is voided.");
        }

        if (order.String("cancelled_at") is not null)
        {
            return NormalizationResult.Ignored($"Shopify order {id} is cancelled.");
        }

        // Placed through the Bogus gateway or a test payment provider: a merchant trying the checkout, not a buyer.
        if (order.Boolean("test") == true)
        {
            return NormalizationResult.Ignored($"Shopify order {id} is a test order.");
        }

        if (order.Timestamp("created_at") is not { } occurredAt)
        {
            return NormalizationResult.Invalid("created_at", "Missing or not an ISO 8601 time with offset.");
        }

        var currency = order.String("currency")?.ToUpperInvariant();
        if (!Money.IsCurrencyCode(currency))
        {
            return NormalizationResult.Invalid("currency", "Missing or not a 3-letter currency code.");
        }

        if (order.Decimal("total_price") is not { } total)
        {
            return NormalizationResult.Invalid("total_price", "Missing or not a decimal amount.");
        }

        var isPos = string.Equals(order.String("source_name"), "pos", StringComparison.OrdinalIgnoreCase);
        var transaction = new Transaction(
            SourceNames.Shopify,
            "order:" + id,
            TransactionKind.Purchase,
            occurredAt,
            currency!,
            total,
            order.Decimal("total_discounts") ?? 0m,
            ReadLines(order),
            isPos ? SalesChannel.Pos : SalesChannel.Online,
            isPos ? order.Id("location_id") : null);

        var customer = ShopifyCustomerReader.Read(order, occurredAt, defaultRegion);
        return NormalizationResult.Of(new NormalizedTransaction(transaction, customer, eventId));
    }

    private static List<LineItem> ReadLines(JsonElement order)
    {
        var lines = new List<LineItem>();
        foreach (var line in order.Array("line_items"))
        {
            var quantity = line.Decimal("quantity") ?? 1m;
            var price = line.Decimal("price") ?? 0m;
            lines.Add(new LineItem(line.String("sku"), ShopifyLineCategory.Of(line), quantity, price * quantity - LineDiscount(line)));
        }

        return lines;
    }

    /// <summary>
    /// discount_allocations is the current field (one entry per discount applied to the line); total_discount is
    /// the older single figure, used only when no allocations are sent.
    /// </summary>
    private static decimal LineDiscount(JsonElement line)
    {
        var any = false;
        var sum = 0m;
        foreach (var allocation in line.Array("discount_allocations"))
        {
            any = true;
            sum += allocation.Decimal("amount") ?? 0m;
        }

        return any ? sum : line.Decimal("total_discount") ?? 0m;
    }
}
