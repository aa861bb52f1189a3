namespace ChurnFunctions.Analytics.Models;

/// <summary>A purchase model's holdout predictions against what happened.</summary>
/// <param name="ExpectedPurchases">Sum over customers of E[purchases in the holdout | calibration summary].</param>
/// <param name="ActualPurchases">Sum of holdout purchase days.</param>
/// <param name="MeanAbsoluteError">Mean over customers of |expected - actual|: the per-customer accuracy the default model is chosen by.</param>
public sealed record HoldoutComparison(double ExpectedPurchases, int ActualPurchases, double MeanAbsoluteError)
{
    /// <summary>(expected - actual) / actual: the aggregate bias.</summary>
    public double RelativeError => ActualPurchases == 0 ? double.NaN : (ExpectedPurchases - ActualPurchases) / ActualPurchases;
}
