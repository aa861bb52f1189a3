namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Customer-base metrics for one period [Start, End] (both inclusive). See <see cref="PeriodMetricsCalculator"/> for definitions.
/// A rate is null when its denominator is 0 (no customer active at start, no purchaser in the period).
/// </summary>
public sealed record PeriodMetrics(
    DateOnly Start,
    DateOnly End,
    int ActiveAtStart,
    int ChurnedDuringPeriod,
    double? ChurnRate,
    int RetainedPurchasers,
    double? RetentionRate,
    int Purchasers,
    int RepeatPurchasers,
    double? RepeatPurchaseRate,
    int NewCustomers,
    int ActiveAtEnd,
    double Revenue,
    double RevenueFromReturningCustomers);
