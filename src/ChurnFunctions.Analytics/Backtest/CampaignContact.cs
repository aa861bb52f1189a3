namespace ChurnFunctions.Analytics.Backtest;

public sealed record CampaignContact(long CustomerId, DateOnly Day, double ProbabilityAlive, int RepeatPurchases, double RevenueAtStake, bool BoughtAfter);
