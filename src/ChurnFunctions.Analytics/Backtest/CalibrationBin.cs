namespace ChurnFunctions.Analytics.Backtest;

/// <summary>Customers with P(alive) in [Low, High): their mean P(alive) and the share that bought in the holdout.</summary>
public sealed record CalibrationBin(double Low, double High, int Customers, double? MeanProbabilityAlive, double? BoughtInHoldout);
