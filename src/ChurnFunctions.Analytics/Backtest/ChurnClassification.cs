namespace ChurnFunctions.Analytics.Backtest;

/// <summary>
/// Churn as "no purchase in the holdout", predicted by P(alive) at calibration end below the threshold.
/// AUC is of 1 - P(alive) ranking churners above buyers (0.5 is chance); BG/NBD gives every customer without a repeat
/// purchase P(alive) = 1, so its AUC by P(alive) can fall below 0.5, and <paramref name="AucByExpectedPurchases"/>
/// (fewer expected holdout purchases ranking as riskier) is the comparable figure across models.
/// </summary>
public sealed record ChurnClassification(
    int Churned,
    int PredictedChurned,
    int TruePositives,
    double? Precision,
    double? Recall,
    double Auc,
    double AucByExpectedPurchases,
    IReadOnlyList<CalibrationBin> Calibration);
