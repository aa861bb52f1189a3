namespace ChurnFunctions.Analytics.Business;

/// <summary>Value tier by predicted CLV rank.</summary>
public enum ValueTier
{
    High,
    Medium,
    Low,
}
