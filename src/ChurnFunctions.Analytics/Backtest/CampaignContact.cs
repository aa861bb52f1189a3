namespace ChurnFunctions.Analytics.Backtest;

/// <summary>One entry: the day the enrollment would have started it, its run key, the reason in words, and what followed.</summary>
/// <param name="BoughtWithinWindow">A purchase day in [entry, entry + window); null when the window runs past observation end.</param>
public sealed record CampaignContact(
    string CustomerId, DateOnly Entered, string? RunKey, string Reason, bool Holdout, double RevenueAtStake, bool? BoughtWithinWindow);
