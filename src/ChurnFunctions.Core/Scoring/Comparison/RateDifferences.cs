namespace ChurnFunctions.Core.Scoring.Comparison;

public sealed record RateDifferences(RateDifference ChurnRate, RateDifference RetentionRate, RateDifference RepeatPurchaseRate);
