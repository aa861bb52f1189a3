namespace ChurnFunctions.Core.Scoring;

/// <summary>One day's metrics: the period ending that day, the customer base's shape, and the model that scored it.</summary>
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
    double ModelLogLikelihood);
