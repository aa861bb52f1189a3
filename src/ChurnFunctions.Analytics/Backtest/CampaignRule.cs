using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Analytics.Backtest;

/// <summary>
/// A win-back rule to replay on the holdout (the --campaign file, JSON): every <see cref="CheckEveryDays"/> days after
/// calibration end, a customer not contacted yet with at least <see cref="MinRepeatPurchases"/> repeat purchases and
/// P(alive) below <see cref="AliveBelow"/> is contacted once.
/// </summary>
public sealed record CampaignRule
{
    [Required]
    public string Name { get; init; } = "win-back";

    [Range(0.0, 1.0)]
    public double AliveBelow { get; init; } = 0.3;

    [Range(0, 1000)]
    public int MinRepeatPurchases { get; init; } = 1;

    [Range(1, 365)]
    public int CheckEveryDays { get; init; } = 7;

    /// <summary>Weeks of expected purchases a retained customer is worth: the revenue at stake's horizon.</summary>
    [Range(1, 520)]
    public int ValueHorizonWeeks { get; init; } = 52;
}
