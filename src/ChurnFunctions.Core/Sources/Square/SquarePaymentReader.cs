using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.Square;

/// <summary>
/// A Square Payment as one purchase. The amount is total_money (amount plus tip) when sent, else amount_money, in
/// the currency's minor units. refunded_money is not subtracted: Square reports refunds as refund.* events of their
/// own (<see cref="SquareRefundReader"/>), and subtracting here would make the stored amount depend on which
/// delivery arrived last. A payment names no items (those live on the Order), so it has no lines.
/// </summary>
internal static class SquarePaymentReader
{
    /// <summary>
    /// application_details.square_product names the product that took the payment. Those below are taken online
    /// (the buyer was not at a counter); every other product, and a payment that does not say, is point of sale.
    /// </summary>
    private static readonly HashSet<string> OnlineProducts = new(StringComparer.OrdinalIgnoreCase)
    {
        "ECOMMERCE_API", "ONLINE_STORE", "INVOICES",
    };

    public static NormalizationResult Read(JsonElement payment, string? eventId)
    {
        var id = payment.String("id");
        if (id is null)
        {
            return NormalizationResult.Invalid("data.object.payment.id", "The payment has no id.");
        }

        var status = payment.String("status") ?? "(none)";
        if (!status.Equals("COMPLETED", StringComparison.OrdinalIgnoreCase))
        {
            return NormalizationResult.Ignored($"Square payment {id} has status {status}, not COMPLETED.");
        }

        if (payment.Timestamp("created_at") is not { } occurredAt)
        {
            return NormalizationResult.Invalid("data.object.payment.created_at", "Missing or not an ISO 8601 time with offset.");
        }

        var money = payment.Object("total_money") ?? payment.Object("amount_money");
        var currency = money?.String("currency")?.ToUpperInvariant();
        if (money?.Int64("amount") is not { } minorUnits || !Money.IsCurrencyCode(currency))
        {
            return NormalizationResult.Invalid("data.object.payment.total_money", "Missing amount or currency.");
        }

        var product = payment.Object("application_details")?.String("square_product");
        var channel = product is not null && OnlineProducts.Contains(product) ? SalesChannel.Online : SalesChannel.Pos;
        var transaction = new Transaction(
            SourceNames.Square, "payment:" + id, TransactionKind.Purchase, occurredAt, currency!,
            Money.FromMinorUnits(minorUnits, currency!), 0m, [], channel, payment.String("location_id"));

        return NormalizationResult.Of(new NormalizedTransaction(transaction, ReadCustomer(payment), eventId));
    }

    /// <summary>No customer_id and no email is an anonymous sale (a cash sale at the counter): stored, not dropped.</summary>
    private static CustomerIdentity? ReadCustomer(JsonElement payment)
    {
        var customerId = payment.String("customer_id");
        var billing = payment.Object("billing_address") ?? default;
        var identity = new CustomerIdentity(
            customerId is null ? null : "square:" + customerId,
            ContactNormalizer.Email(payment.String("buyer_email_address")),
            null,
            billing.String("first_name"),
            billing.String("last_name"));
        return identity.IsAnonymous ? null : identity;
    }
}
