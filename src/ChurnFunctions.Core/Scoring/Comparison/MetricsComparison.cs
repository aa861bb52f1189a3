namespace ChurnFunctions.Core.Scoring.Comparison;

/// <summary>Two periods' rates and the change between them (after - before), each with a 95% interval.</summary>
/// <param name="Method">How the intervals were computed, and what they assume.</param>
public sealed record MetricsComparison(PeriodRates Before, PeriodRates After, RateDifferences Difference, double ConfidenceLevel, string Method);
