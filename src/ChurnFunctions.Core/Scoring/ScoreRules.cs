using ChurnFunctions.Analytics.Business;

namespace ChurnFunctions.Core.Scoring;

/// <summary>The configured rules a score is classified by: churn status, partial churn, value tiers.</summary>
public sealed record ScoreRules(ChurnOptions Churn, PartialChurnOptions PartialChurn, ValueTierOptions ValueTiers);
