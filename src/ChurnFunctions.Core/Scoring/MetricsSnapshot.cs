namespace ChurnFunctions.Core.Scoring;

/// <summary>One day's metrics: the period ending that day, the customer base's shape, and the model that scored it.</summary>
/// <param name="CategoryAbandonment">Category -> customers who stopped buying it while still buying others.</param>
/// <param name="CategoryAbandonmentSkipped">Why <paramref name="CategoryAbandonment"/> was not computed (no line carries a category); null when it was.</param>
public sealed record MetricsSnapshot(
    DateOnly Date,
    DateTimeOffset ComputedAt,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Customers,
    int ActiveAtStart,
    int ChurnedDuringPeriod,
    double ChurnRate,
    double RetentionRate,
    double RepeatPurchaseRate,
    int ActiveCustomers,
    int NewCustomers,
    decimal Revenue,
    decimal RevenueFromReturningCustomers,
    int PartialChurners,
    IReadOnlyDictionary<string, int> Segments,
    IReadOnlyDictionary<string, int> Tiers,
    IReadOnlyDictionary<string, int> ValueTiers,
    IReadOnlyDictionary<string, int> CategoryAbandonment,
    string Model,
    IReadOnlyDictionary<string, double> ModelParameters,
    double ModelLogLikelihood,
    string? CategoryAbandonmentSkipped = null);
