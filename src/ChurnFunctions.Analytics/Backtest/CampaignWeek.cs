namespace ChurnFunctions.Analytics.Backtest;

/// <summary>Entries in the seven days from <paramref name="Start"/>: all, the holdout's, and their revenue at stake.</summary>
public sealed record CampaignWeek(DateOnly Start, int Entered, int Holdout, double RevenueAtStake);
