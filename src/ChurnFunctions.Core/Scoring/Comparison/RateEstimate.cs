namespace ChurnFunctions.Core.Scoring.Comparison;

/// <summary>A rate (Numerator / Denominator) with its 95% Wilson interval; Value, Low and High are null when Denominator is 0.</summary>
public sealed record RateEstimate(int Numerator, int Denominator, double? Value, double? Low, double? High);
