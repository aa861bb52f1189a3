namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Segments from the recency (R) and frequency (F) scores; monetary does not enter (it drives value tiers):
/// <code>
///  R \ F |  1           2           3           4           5
///  5, 4  |  New         Potential   Potential   Champions   Champions
///  3     |  Hibernating Potential   Potential   Loyal       Loyal
///  2     |  Lost        Hibernating AtRisk      AtRisk      CantLose
///  1     |  Lost        Lost        AtRisk      AtRisk      CantLose
/// </code>
/// Tiers: Champions, Loyal -&gt; HighValue; Potential, New -&gt; Potential; AtRisk, CantLose, Hibernating, Lost -&gt; AtRisk.
/// The quintiles rank a customer against the base, the churn rules against its own rhythm: the scoring job uses
/// <see cref="Segment(int, int, ChurnStatus)"/>, which lets the churn status pick the rows.
/// </summary>
public static class SegmentRules
{
    /// <summary>
    /// The segment of a scored customer. A lapsed customer (any churned status, P(alive) below the threshold included)
    /// is read on the R 2 and 1 rows (recency capped at 2), an active one on the R 5 to 3 rows (recency raised to at
    /// least 3), so lapsed customers land in AtRisk, CantLose, Hibernating or Lost only, never in Champions, Loyal,
    /// Potential or New, and active ones never in AtRisk, CantLose or Lost.
    /// </summary>
    public static RfmSegment Segment(int recency, int frequency, ChurnStatus status) =>
        Segment(IsLapsed(status) ? Math.Min(recency, 2) : Math.Max(recency, 3), frequency);

    /// <summary>Every churned status is lapsed; a customer not yet buying is not scored.</summary>
    public static bool IsLapsed(ChurnStatus status) => status is not ChurnStatus.Active;

    public static RfmSegment Segment(int recency, int frequency)
    {
        if (recency is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(recency), recency, "Scores run from 1 to 5.");
        if (frequency is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Scores run from 1 to 5.");
        return recency switch
        {
            >= 4 => frequency switch { 1 => RfmSegment.New, <= 3 => RfmSegment.Potential, _ => RfmSegment.Champions },
            3 => frequency switch { 1 => RfmSegment.Hibernating, <= 3 => RfmSegment.Potential, _ => RfmSegment.Loyal },
            2 => frequency switch { 1 => RfmSegment.Lost, 2 => RfmSegment.Hibernating, 5 => RfmSegment.CantLose, _ => RfmSegment.AtRisk },
            _ => frequency switch { <= 2 => RfmSegment.Lost, 5 => RfmSegment.CantLose, _ => RfmSegment.AtRisk },
        };
    }

    public static CustomerTier Tier(RfmSegment segment) => segment switch
    {
        RfmSegment.Champions or RfmSegment.Loyal => CustomerTier.HighValue,
        RfmSegment.Potential or RfmSegment.New => CustomerTier.Potential,
        _ => CustomerTier.AtRisk,
    };
}
