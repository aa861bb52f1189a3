namespace ChurnFunctions.Analytics.Business;

/// <summary>Named RFM segments; the R/F grid is in <see cref="SegmentRules"/>.</summary>
public enum RfmSegment
{
    Champions,
    Loyal,
    Potential,
    New,
    AtRisk,
    CantLose,
    Hibernating,
    Lost,
}
