using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.Square;

/// <summary>
/// A Square PaymentRefund (refund.created, refund.updated) as one refund, once it is COMPLETED, stored as
/// "refund:{id}" so the events of one refund store once. A refund names its payment, not its buyer: Customer is null
/// and the store attributes it through RefundOf, the payment's ExternalId (an anonymous sale's refund goes to the
/// anonymous customer, as the sale did).
/// </summary>
internal static class SquareRefundReader
{
    public static NormalizationResult Read(JsonElement refund, string? eventId)
    {
        var id = refund.String("id");
        if (id is null)
        {
            return NormalizationResult.Invalid("data.object.refund.id", "The refund has no id.");
        }

        var status = refund.String("status") ?? "(none)";
        if (!status.Equals("COMPLETED", StringComparison.OrdinalIgnoreCase))
        {
            return NormalizationResult.Ignored($"Square refund {id} has status {status}, not COMPLETED.");
        }

        if (refund.String("payment_id") is not { } paymentId)
        {
            return NormalizationResult.Invalid("data.object.refund.payment_id", "The refund names no payment.");
        }

        if (refund.Timestamp("created_at") is not { } occurredAt)
        {
            return NormalizationResult.Invalid("data.object.refund.created_at", "Missing or not an ISO 8601 time with offset.");
        }

        var money = refund.Object("amount_money");
        var currency = money?.String("currency")?.ToUpperInvariant();
        if (money?.Int64("amount") is not { } minorUnits || !Money.IsCurrencyCode(currency))
        {
            return NormalizationResult.Invalid("data.object.refund.amount_money", "Missing amount or currency.");
        }

        if (minorUnits <= 0)
        {
            return NormalizationResult.Ignored($"Square refund {id} returns no money.");
        }

        var transaction = new Transaction(
            SourceNames.Square, "refund:" + id, TransactionKind.Refund, occurredAt, currency!, Money.FromMinorUnits(minorUnits, currency!), 0m, [],
            SalesChannel.Pos, refund.String("location_id"), RefundOf: "payment:" + paymentId);
        return NormalizationResult.Of(new NormalizedTransaction(transaction, null, eventId));
    }
}
