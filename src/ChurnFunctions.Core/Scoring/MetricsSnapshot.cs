namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// One day's metrics: the period ending that day, the customer base's shape, and the model that scored it. A figure
/// with no value is null, never NaN: a rate whose denominator is 0, revenue summed over several currencies (see
/// <see cref="RevenueByCurrency"/>), the model when no fit could run (docs/analytics-models.md, "Null metrics").
/// </summary>
/// <param name="CategoryAbandonment">Category -> customers who stopped buying it while still buying others.</param>
public sealed record MetricsSnapshot(
    DateOnly Date,
    DateTimeOffset ComputedAt,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Customers,
    int ActiveAtStart,
    int ChurnedDuringPeriod,
    double? ChurnRate,
    double? RetentionRate,
    double? RepeatPurchaseRate,
    int ActiveCustomers,
    int NewCustomers,
    decimal? Revenue,
    decimal? RevenueFromReturningCustomers,
    int PartialChurners,
    IReadOnlyDictionary<string, int> Segments,
    IReadOnlyDictionary<string, int> Tiers,
    IReadOnlyDictionary<string, int> ValueTiers,
    IReadOnlyDictionary<string, int> CategoryAbandonment,
    string? Model,
    IReadOnlyDictionary<string, double>? ModelParameters,
    double? ModelLogLikelihood)
{
    /// <summary>Period revenue per ISO currency code ("XXX" for purchases stored without one); older snapshots have none.</summary>
    public IReadOnlyDictionary<string, decimal> RevenueByCurrency { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Why <see cref="Model"/> is null, when it is.</summary>
    public string? ModelUnavailableReason { get; init; }

    /// <summary>Why <see cref="CategoryAbandonment"/> was not computed (no purchase line carries a category); null when it was.</summary>
    public string? CategoryAbandonmentSkipped { get; init; }
}
