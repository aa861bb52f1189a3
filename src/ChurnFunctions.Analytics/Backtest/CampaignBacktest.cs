namespace ChurnFunctions.Analytics.Backtest;

/// <summary>
/// Who an app campaign definition would have entered during the holdout, when and why, the revenue at stake, and
/// what the entrants did afterwards with no message at all (the holdout period's real purchases): the baseline the
/// campaign has to beat. Built by the caller that knows campaign definitions (see <see cref="CampaignReplay"/>).
/// </summary>
/// <param name="Rule">The trigger in words.</param>
/// <param name="Model">The purchase model, fitted on the calibration period, whose scores the triggers read.</param>
/// <param name="WindowDays">Days after entry a purchase counts: the steps' nominal duration plus the attribution window.</param>
/// <param name="RevenueAtStake">Sum over entries of the model's expected spend in the next <paramref name="RevenueHorizonDays"/> days at entry.</param>
/// <param name="Treatment">Entries outside the holdout whose window ended by observation end, and how many of them bought within it.</param>
/// <param name="Holdout">The same for entries in the holdout.</param>
/// <param name="Assumptions">What the transaction file cannot say and the backtest assumed (consent, birthdays, survey answers).</param>
public sealed record CampaignBacktest(
    string CampaignId,
    string Name,
    string Rule,
    bool Recurring,
    double HoldoutPercent,
    int WindowDays,
    string Model,
    int RevenueHorizonDays,
    int Entries,
    int Customers,
    double RevenueAtStake,
    CampaignOutcome Treatment,
    CampaignOutcome Holdout,
    IReadOnlyList<CampaignWeek> Weeks,
    IReadOnlyList<CampaignContact> Contacts,
    IReadOnlyList<string> Assumptions);
