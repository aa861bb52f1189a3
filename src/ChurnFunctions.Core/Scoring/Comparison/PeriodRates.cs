namespace ChurnFunctions.Core.Scoring.Comparison;

/// <summary>
/// One period's rates as the nightly metrics define them (PeriodMetricsCalculator): churn rate = active at start and
/// churned by the end / active at start; retention = active at start who bought in the period / active at start;
/// repeat purchase rate = the period's buyers with two or more purchase days / the period's buyers.
/// </summary>
public sealed record PeriodRates(DateOnly From, DateOnly To, RateEstimate ChurnRate, RateEstimate RetentionRate, RateEstimate RepeatPurchaseRate);
