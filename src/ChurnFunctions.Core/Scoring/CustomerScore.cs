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
    IReadOnlyList<string> AbandonedCategories);
