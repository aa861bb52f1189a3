namespace ChurnFunctions.Analytics.Data;

/// <summary>
/// What production keeps per customer so a nightly summary costs O(customers) instead of re-reading
/// every transaction. Days are <see cref="DateOnly.DayNumber"/> values.
/// </summary>
/// <param name="DistinctPurchaseDays">Days with at least one purchase (same-day purchases count once).</param>
/// <param name="TotalSpend">Spend over all purchase days.</param>
/// <param name="FirstDaySpend">Spend on the first purchase day, excluded from the repeat-purchase mean.</param>
public readonly record struct CustomerAggregate(
    long CustomerId,
    int FirstPurchaseDay,
    int LastPurchaseDay,
    int DistinctPurchaseDays,
    double TotalSpend,
    double FirstDaySpend);
