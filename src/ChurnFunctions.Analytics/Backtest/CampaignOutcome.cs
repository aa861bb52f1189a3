namespace ChurnFunctions.Analytics.Backtest;

/// <summary>Entries of one group whose window ended by observation end, and those who bought again within it.</summary>
public sealed record CampaignOutcome(int Entries, int BoughtWithinWindow)
{
    public double? Share => Entries == 0 ? null : (double)BoughtWithinWindow / Entries;
}
