namespace ChurnFunctions.Core.Domain;

/// <summary>
/// A customer: the profile (the seeds' customer file) and the running aggregate of its purchases, kept at ingest so
/// that nightly analytics cost one read per customer instead of a scan of every transaction.
/// Spend sums count only transactions in <see cref="Currency"/> (the first one seen); others are counted in
/// <see cref="OtherCurrencyTransactions"/> rather than added at a made-up rate.
/// </summary>
public sealed record CustomerRecord
{
    public required string Id { get; init; }

    public IReadOnlyList<string> PlatformKeys { get; init; } = [];

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public DateOnly? Birthday { get; init; }

    public string? TimeZone { get; init; }

    /// <summary>The latest consent statement per channel.</summary>
    public IReadOnlyList<ConsentRecord> Consents { get; init; } = [];

    public bool IsAnonymous { get; init; }

    public DateTimeOffset? FirstPurchaseAt { get; init; }

    public DateTimeOffset? LastPurchaseAt { get; init; }

    /// <summary>The distinct days with a purchase, ascending.</summary>
    public IReadOnlyList<DateOnly> PurchaseDays { get; init; } = [];

    public int OrderCount { get; init; }

    public int RefundCount { get; init; }

    public decimal GrossSpend { get; init; }

    public decimal NetSpend { get; init; }

    /// <summary>
    /// Gross purchase spend on each day of <see cref="PurchaseDays"/> (same order). With the days it rebuilds the
    /// daily purchase history the period metrics and partial-churn rules need, without reading transactions.
    /// </summary>
    public IReadOnlyList<decimal> PurchaseDaySpend { get; init; } = [];

    /// <summary>Spend on the first purchase day: the summary's monetary value leaves it out.</summary>
    public decimal FirstDaySpend { get; init; }

    public IReadOnlyDictionary<string, decimal> CategorySpend { get; init; } = new Dictionary<string, decimal>();

    public string? Currency { get; init; }

    public int OtherCurrencyTransactions { get; init; }

    /// <summary>Set when this record was merged into another: follow it.</summary>
    public string? MergedInto { get; init; }

    public int DistinctPurchaseDays => PurchaseDays.Count;
}
