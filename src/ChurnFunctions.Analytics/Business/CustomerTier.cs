namespace ChurnFunctions.Analytics.Business;

/// <summary>Action tiers the segments map to.</summary>
public enum CustomerTier
{
    HighValue,
    Potential,
    AtRisk,
}
