namespace ChurnFunctions.Core.Scoring.Comparison;

/// <summary>After minus before, with its 95% interval (Newcombe's hybrid score method); null where a rate is.</summary>
public sealed record RateDifference(double? Value, double? Low, double? High);
