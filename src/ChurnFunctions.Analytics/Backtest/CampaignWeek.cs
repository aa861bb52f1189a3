namespace ChurnFunctions.Analytics.Backtest;

public sealed record CampaignWeek(DateOnly Day, int Contacted, double RevenueAtStake);
