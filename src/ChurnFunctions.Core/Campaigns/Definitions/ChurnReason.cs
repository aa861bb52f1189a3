namespace ChurnFunctions.Core.Campaigns;

/// <summary>The exit survey's answers.</summary>
public enum ChurnReason
{
    Price,
    Service,
    ProductQuality,
    Competitor,
    Communication,
    NeedsChanged,
    Other,
}
