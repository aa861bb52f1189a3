namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// A refund whose order is not stored: usually it overtook its order, so it is retried with growing delays, and
/// poisoned with <see cref="Reason"/> if the order never comes. The poison entry can be replayed once it has.
/// </summary>
public sealed class OrderNotFoundException(string source, string orderExternalId)
    : Exception($"Refund for {source} {orderExternalId}, an order not stored yet.")
{
    /// <summary>The poison entry's reason.</summary>
    public const string Reason = "order-not-found";
}
