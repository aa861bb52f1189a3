namespace ChurnFunctions.Analytics.Backtest;

/// <summary>What `churn backtest` found: per purchase model, its holdout accuracy and its churn classification.</summary>
public sealed record BacktestReport(
    string Transactions,
    DateOnly CalibrationEnd,
    DateOnly ObservationEnd,
    int Customers,
    int HoldoutWeeks,
    int ActualHoldoutPurchases,
    double AliveThreshold,
    IReadOnlyList<ModelBacktest> Models,
    CampaignBacktest? Campaign);
