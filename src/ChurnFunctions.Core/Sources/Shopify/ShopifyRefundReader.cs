using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.Shopify;

/// <summary>
/// A refunds/create payload as one refund. The amount is what actually went back to the buyer: the successful
/// refund transactions; only a refund without transactions (a restock-only or manual refund) falls back to the
/// refunded lines' subtotals. The payload names no buyer: Customer is null and the store attributes the refund
/// through RefundOf, the order's ExternalId.
/// </summary>
internal static class ShopifyRefundReader
{
    public static NormalizationResult Read(JsonElement refund, string? eventId)
    {
        var id = refund.Id("id");
        if (id is null)
        {
            return NormalizationResult.Invalid("id", "The refund has no id.");
        }

        var orderId = refund.Id("order_id");
        if (orderId is null)
        {
            return NormalizationResult.Invalid("order_id", "The refund names no order.");
        }

        if ((refund.Timestamp("created_at") ?? refund.Timestamp("processed_at")) is not { } occurredAt)
        {
            return NormalizationResult.Invalid("created_at", "Missing or not an ISO 8601 time with offset.");
        }

        var (transactionsTotal, transactionsCurrency, anyTransaction) = SumTransactions(refund);
        var lines = new List<LineItem>();
        var linesTotal = 0m;
        string? linesCurrency = null;
        foreach (var item in refund.Array("refund_line_items"))
        {
            var line = item.Object("line_item") ?? default;
            var subtotal = item.Decimal("subtotal") ?? 0m;
            linesTotal += subtotal;
            linesCurrency ??= item.Object("subtotal_set")?.Object("shop_money")?.String("currency_code");
            lines.Add(new LineItem(
                line.String("sku"),
                ShopifyLineCategory.Of(line),
                item.Decimal("quantity") ?? 1m,
                subtotal));
        }

        var total = anyTransaction ? transactionsTotal : linesTotal;
        if (total <= 0m)
        {
            return NormalizationResult.Ignored($"Shopify refund {id} returns no money.");
        }

        var currency = (transactionsCurrency ?? linesCurrency)?.ToUpperInvariant();
        if (!Money.IsCurrencyCode(currency))
        {
            return NormalizationResult.Invalid("transactions", "The refund names no currency.");
        }

        var transaction = new Transaction(
            SourceNames.Shopify, "refund:" + id, TransactionKind.Refund, occurredAt, currency!, total, 0m, lines,
            SalesChannel.Online, RefundOf: "order:" + orderId);
        return NormalizationResult.Of(new NormalizedTransaction(transaction, null, eventId));
    }

    private static (decimal Total, string? Currency, bool Any) SumTransactions(JsonElement refund)
    {
        var total = 0m;
        string? currency = null;
        var any = false;
        foreach (var transaction in refund.Array("transactions"))
        {
            if (!string.Equals(transaction.String("kind"), "refund", StringComparison.OrdinalIgnoreCase) ||
                !string.Equals(transaction.String("status"), "success", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            any = true;
            total += transaction.Decimal("amount") ?? 0m;
            currency ??= transaction.String("currency");
        }

        return (total, currency, any);
    }
}
