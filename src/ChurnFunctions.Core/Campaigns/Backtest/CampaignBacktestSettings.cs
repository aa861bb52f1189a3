using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Campaigns.Backtest;

/// <summary>
/// What the nightly scoring is configured with, so the backtest's scores are the app's: the purchase model's name
/// (AnalyticsOptions.PurchaseModel), the expected-purchases horizon, the churn, partial-churn and value-tier rules.
/// </summary>
public sealed record CampaignBacktestSettings(string PurchaseModel, int HorizonDays, ScoreRules Rules);
