namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// What the nightly run says about one customer. Names (segment, tier, value tier, churn status) are in the
/// <see cref="ScoreNames"/> spelling. Model predictions are null when the run could fit no purchase model; spend and
/// CLV are null when too few repeat buyers in the customer's currency allow a spend model.
/// </summary>
public sealed record CustomerScore(
    string CustomerId,
    DateOnly AsOf,
    double? ProbabilityAlive,
    double? ExpectedPurchases,
    int ExpectedPurchasesHorizonDays,
    DateOnly? ExpectedNextPurchase,
    double? ExpectedSpendPerPurchase,
    double? Clv,
    int Recency,
    int Frequency,
    int Monetary,
    string Segment,
    string Tier,
    string ValueTier,
    string ChurnStatus,
    bool PartialChurn,
    IReadOnlyList<string> AbandonedCategories)
{
    /// <summary>Days from the last purchase day to <see cref="AsOf"/>; null in scores written before it was kept.</summary>
    public int? DaysSinceLastPurchase { get; init; }

    /// <summary>Mean days between the customer's distinct purchase days; null for a one-time buyer.</summary>
    public double? PurchaseGapDays { get; init; }

    /// <summary>
    /// How far trailing spend fell on the customer's own baseline (0.8 = down 80%; negative = up), as partial churn
    /// measures it; null when the customer has no baseline yet.
    /// </summary>
    public double? SpendDrop { get; init; }
}
