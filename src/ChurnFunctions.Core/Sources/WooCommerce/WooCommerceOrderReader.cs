using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.WooCommerce;

/// <summary>
/// A WooCommerce order (REST API v3 shape) as its purchase, when it is paid, and one refund per entry of its
/// refunds array. WooCommerce sends no refund webhook of its own: a refund, partial or full, changes the order and
/// fires order.updated, whose refunds array lists every refund so far ({id, reason, total as a negative amount}).
/// Each is stored once as "refund:{id}", dated by the order's modification time in the delivery that first lists it.
/// </summary>
internal static class WooCommerceOrderReader
{
    /// <summary>
    /// processing (paid, awaiting fulfilment) and completed are paid, and refunded was paid before its full refund.
    /// on-hold is not: it waits for the merchant to confirm a bank transfer or cheque, and when that happens the order
    /// moves to processing and order.updated fires, which stores it then. pending, failed, cancelled, checkout-draft
    /// and custom statuses are ignored with their status as the reason.
    /// </summary>
    private static readonly HashSet<string> PaidStatuses = new(StringComparer.OrdinalIgnoreCase) { "processing", "completed", "refunded" };

    public static NormalizationResult Read(JsonElement order, string? defaultRegion, string? categoryMetaKey)
    {
        var id = order.Id("id");
        if (id is null)
        {
            return NormalizationResult.Invalid("id", "The order has no id.");
        }

        var status = order.String("status") ?? "(none)";
        if (!PaidStatuses.Contains(status))
        {
            return NormalizationResult.Ignored($"WooCommerce order {id} has status '{status}', which is not paid.");
        }

        if (ShopTime(order, "date_created") is not { } occurredAt)
        {
            return NormalizationResult.Invalid("date_created_gmt", "Missing or not an ISO 8601 time.");
        }

        var currency = order.String("currency")?.ToUpperInvariant();
        if (!Money.IsCurrencyCode(currency))
        {
            return NormalizationResult.Invalid("currency", "Missing or not a 3-letter currency code.");
        }

        if (order.Decimal("total") is not { } total)
        {
            return NormalizationResult.Invalid("total", "Missing or not a decimal amount.");
        }

        var lines = new List<LineItem>();
        foreach (var line in order.Array("line_items"))
        {
            // total is the line after coupons, before tax.
            lines.Add(new LineItem(line.String("sku"), MetaValue(line, categoryMetaKey), line.Decimal("quantity") ?? 1m, line.Decimal("total") ?? 0m));
        }

        var createdVia = order.String("created_via");
        var isPos = createdVia is not null &&
                    (createdVia.Equals("pos", StringComparison.OrdinalIgnoreCase) ||
                     createdVia.Equals("woocommerce-pos", StringComparison.OrdinalIgnoreCase));

        var channel = isPos ? SalesChannel.Pos : SalesChannel.Online;
        var transaction = new Transaction(
            SourceNames.WooCommerce, "order:" + id, TransactionKind.Purchase, occurredAt, currency!, total,
            order.Decimal("discount_total") ?? 0m, lines, channel);
        var eventId = id + ":" + (order.String("date_modified_gmt") ?? order.String("date_modified") ?? "0");
        var customer = ReadCustomer(order, defaultRegion);
        var items = new List<NormalizedTransaction> { new(transaction, customer, eventId) };
        var errors = new ErrorBag();
        var refundedAt = ShopTime(order, "date_modified") ?? occurredAt;
        var index = 0;
        foreach (var refund in order.Array("refunds"))
        {
            var refundId = refund.Id("id");
            var amount = refund.Decimal("total");
            if (refundId is null || amount is null)
            {
                errors.Add($"refunds[{index}]", "A refund needs an id and a total.");
            }
            else if (amount.Value != 0m)
            {
                var refunded = new Transaction(
                    SourceNames.WooCommerce, "refund:" + refundId, TransactionKind.Refund, refundedAt, currency!, Math.Abs(amount.Value), 0m, [],
                    channel, RefundOf: transaction.ExternalId);
                items.Add(new NormalizedTransaction(refunded, customer, eventId));
            }

            index++;
        }

        return new NormalizationResult(items, Errors: errors.ToDictionaryOrNull());
    }

    /// <summary>
    /// date_created_gmt is UTC without a designator; date_created is the same instant in the shop's zone. Their
    /// difference is the shop's offset, so the purchase keeps the shop's local day (as Shopify's created_at does).
    /// date_modified and date_modified_gmt pair up the same way.
    /// </summary>
    /// <summary>
    /// WooCommerce sends no product categories with an order; a store can add one per line as meta (key
    /// <paramref name="key"/>), which arrives in the line's meta_data as {key, value}.
    /// </summary>
    private static string? MetaValue(JsonElement line, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        foreach (var meta in line.Array("meta_data"))
        {
            if (string.Equals(meta.String("key"), key, StringComparison.OrdinalIgnoreCase) && meta.String("value") is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static DateTimeOffset? ShopTime(JsonElement order, string field)
    {
        var hasUtc = Timestamps.TryParseAsUtc(order.String(field + "_gmt"), out var utc) ||
                     Timestamps.TryParseWithOffset(order.String(field + "_gmt"), out utc);
        var hasLocal = Timestamps.TryParseAsUtc(order.String(field), out var localAsUtc);
        if (!hasUtc)
        {
            return Timestamps.TryParseWithOffset(order.String(field), out var withOffset) ? withOffset : null;
        }

        var offset = hasLocal ? localAsUtc - utc : TimeSpan.Zero;
        var wholeMinutes = offset.Ticks % TimeSpan.TicksPerMinute == 0;
        return wholeMinutes && offset.Duration() <= TimeSpan.FromHours(14) ? utc.ToOffset(offset) : utc;
    }

    private static CustomerIdentity? ReadCustomer(JsonElement order, string? defaultRegion)
    {
        var billing = order.Object("billing") ?? default;
        // customer_id 0 is a guest checkout: no account to key on.
        var customerId = order.Id("customer_id") is { } id && id != "0" ? id : null;
        var identity = new CustomerIdentity(
            customerId is null ? null : "woocommerce:" + customerId,
            ContactNormalizer.Email(billing.String("email")),
            ContactNormalizer.Phone(billing.String("phone"), PhoneIdentity.RegionOr(billing.String("country"), defaultRegion)),
            billing.String("first_name"),
            billing.String("last_name"));
        return identity.IsAnonymous ? null : identity;
    }
}
