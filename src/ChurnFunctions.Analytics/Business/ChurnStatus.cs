namespace ChurnFunctions.Analytics.Business;

/// <summary>Outcome of the churn rules, with the rule that fired.</summary>
public enum ChurnStatus
{
    /// <summary>No purchase on or before the as-of day.</summary>
    NotYetCustomer,
    Active,

    /// <summary>Repeat buyer silent for more than GapMultiple x their mean gap.</summary>
    ChurnedGap,

    /// <summary>One-time buyer silent for more than OneTimeBuyerDays.</summary>
    ChurnedOneTimeBuyer,

    /// <summary>Recency rules passed but the model's P(alive) is below the threshold.</summary>
    ChurnedLowProbabilityAlive,
}
