namespace ChurnFunctions.Core.Scoring;

/// <summary>One row of the at-risk list: the value at stake, CLV x (1 - P(alive)), and why, in words.</summary>
public sealed record AtRiskCustomer(
    int Rank,
    string CustomerId,
    double ValueAtStake,
    double Clv,
    double ProbabilityAlive,
    string Segment,
    string ValueTier,
    string ChurnStatus,
    int? DaysSinceLastPurchase,
    double? PurchaseGapDays,
    double? SpendDrop,
    string Reason);
