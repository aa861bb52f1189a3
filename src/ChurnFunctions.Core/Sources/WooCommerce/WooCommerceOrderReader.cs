using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.WooCommerce;

/// <summary>A WooCommerce order (REST API v3 shape) as one purchase, when it is paid.</summary>
internal static class WooCommerceOrderReader
{
    /// <summary>
    /// processing (paid, awaiting fulfilment) and completed are paid. on-hold is not: it waits for the merchant to
    /// confirm a bank transfer or cheque, and when that happens the order moves to processing and order.updated
    /// fires, which stores it then. pending, failed, cancelled, refunded, checkout-draft and custom statuses are
    /// ignored with their status as the reason.
    /// </summary>
    private static readonly HashSet<string> PaidStatuses = new(StringComparer.OrdinalIgnoreCase) { "processing", "completed" };

    public static NormalizationResult Read(JsonElement order, string? defaultCountryCode)
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

        if (OccurredAt(order) is not { } occurredAt)
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
            // total is the line after coupons, before tax; WooCommerce line items carry no category.
            lines.Add(new LineItem(line.String("sku"), null, line.Decimal("quantity") ?? 1m, line.Decimal("total") ?? 0m));
        }

        var createdVia = order.String("created_via");
        var isPos = createdVia is not null &&
                    (createdVia.Equals("pos", StringComparison.OrdinalIgnoreCase) ||
                     createdVia.Equals("woocommerce-pos", StringComparison.OrdinalIgnoreCase));

        var transaction = new Transaction(
            SourceNames.WooCommerce, "order:" + id, TransactionKind.Purchase, occurredAt, currency!, total,
            order.Decimal("discount_total") ?? 0m, lines, isPos ? SalesChannel.Pos : SalesChannel.Online);
        var eventId = id + ":" + (order.String("date_modified_gmt") ?? order.String("date_modified") ?? "0");
        return NormalizationResult.Of(new NormalizedTransaction(transaction, ReadCustomer(order, defaultCountryCode), eventId));
    }

    /// <summary>
    /// date_created_gmt is UTC without a designator; date_created is the same instant in the shop's zone. Their
    /// difference is the shop's offset, so the purchase keeps the shop's local day (as Shopify's created_at does).
    /// </summary>
    private static DateTimeOffset? OccurredAt(JsonElement order)
    {
        var hasUtc = Timestamps.TryParseAsUtc(order.String("date_created_gmt"), out var utc) ||
                     Timestamps.TryParseWithOffset(order.String("date_created_gmt"), out utc);
        var hasLocal = Timestamps.TryParseAsUtc(order.String("date_created"), out var localAsUtc);
        if (!hasUtc)
        {
            return Timestamps.TryParseWithOffset(order.String("date_created"), out var withOffset) ? withOffset : null;
        }

        var offset = hasLocal ? localAsUtc - utc : TimeSpan.Zero;
        var wholeMinutes = offset.Ticks % TimeSpan.TicksPerMinute == 0;
        return wholeMinutes && offset.Duration() <= TimeSpan.FromHours(14) ? utc.ToOffset(offset) : utc;
    }

    private static CustomerIdentity? ReadCustomer(JsonElement order, string? defaultCountryCode)
    {
        var billing = order.Object("billing") ?? default;
        // customer_id 0 is a guest checkout: no account to key on.
        var customerId = order.Id("customer_id") is { } id && id != "0" ? id : null;
        var identity = new CustomerIdentity(
            customerId is null ? null : "woocommerce:" + customerId,
            ContactNormalizer.Email(billing.String("email")),
            ContactNormalizer.Phone(billing.String("phone"), CallingCodes.For(billing.String("country"), defaultCountryCode)),
            billing.String("first_name"),
            billing.String("last_name"));
        return identity.IsAnonymous ? null : identity;
    }
}
