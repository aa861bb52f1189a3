namespace ChurnFunctions.Core.Customers;

public sealed record TransactionView(
    string Source,
    string ExternalId,
    string Kind,
    DateTimeOffset OccurredAt,
    decimal Total,
    decimal Discounts,
    string Currency,
    string Channel,
    string? Location);
