namespace ChurnFunctions.Analytics.Backtest;

/// <summary>Who a campaign rule would have contacted during the holdout, when, and the revenue at stake.</summary>
/// <param name="RevenueAtStake">Sum over contacts of mean spend per purchase day x expected purchases over the value horizon if alive.</param>
/// <param name="BoughtAfterContact">Contacted customers who bought again (untreated) before observation end.</param>
public sealed record CampaignBacktest(
    CampaignRule Rule,
    string Model,
    int Contacted,
    double RevenueAtStake,
    int BoughtAfterContact,
    IReadOnlyList<CampaignWeek> Weeks,
    IReadOnlyList<CampaignContact> Contacts);
