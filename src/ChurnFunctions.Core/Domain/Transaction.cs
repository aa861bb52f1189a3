namespace ChurnFunctions.Core.Domain;

/// <summary>
/// A purchase or a refund as the retailer's platform reported it, normalised.
/// (<see cref="Source"/>, <see cref="ExternalId"/>) identifies it: the same pair is stored once whatever the delivery.
/// For a refund, <see cref="GrossTotal"/> is the refunded amount (positive) and <see cref="RefundOf"/> the order.
/// </summary>
public sealed record Transaction(
    string Source,
    string ExternalId,
    TransactionKind Kind,
    DateTimeOffset OccurredAt,
    string Currency,
    decimal GrossTotal,
    decimal Discounts,
    IReadOnlyList<LineItem> Lines,
    SalesChannel Channel,
    string? Location = null,
    string? RefundOf = null)
{
    /// <summary>The amount this transaction adds to net spend: negative for refunds.</summary>
    public decimal NetAmount => Kind == TransactionKind.Refund ? -GrossTotal : GrossTotal;

    /// <summary>The calendar day of the purchase in the time zone the platform reported it in.</summary>
    public DateOnly LocalDay => DateOnly.FromDateTime(OccurredAt.DateTime);
}
