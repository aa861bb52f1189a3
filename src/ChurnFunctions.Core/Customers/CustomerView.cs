namespace ChurnFunctions.Core.Customers;

/// <summary>A customer as the API shows it.</summary>
public sealed record CustomerView(
    string Id,
    string? Email,
    string? Phone,
    string? FirstName,
    string? LastName,
    IReadOnlyList<string> PlatformIds,
    int OrderCount,
    int RefundCount,
    int DistinctPurchaseDays,
    decimal GrossSpend,
    decimal NetSpend,
    string? Currency,
    DateTimeOffset? FirstPurchaseAt,
    DateTimeOffset? LastPurchaseAt,
    IReadOnlyDictionary<string, decimal> CategorySpend,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<TransactionView> Transactions);
