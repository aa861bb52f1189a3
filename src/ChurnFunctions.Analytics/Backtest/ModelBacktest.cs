namespace ChurnFunctions.Analytics.Backtest;

/// <summary>One model's backtest.</summary>
/// <param name="ByFrequency">Calibration repeat purchases 0..6 and "7+": customers, expected and actual holdout purchases.</param>
/// <param name="Tracking">Per holdout week, cumulative expected and actual repeat purchases over all customers.</param>
public sealed record ModelBacktest(
    string Model,
    IReadOnlyDictionary<string, double> Parameters,
    double ExpectedHoldoutPurchases,
    int ActualHoldoutPurchases,
    IReadOnlyList<FrequencyRow> ByFrequency,
    IReadOnlyList<TrackingPoint> Tracking,
    ChurnClassification Classification);
