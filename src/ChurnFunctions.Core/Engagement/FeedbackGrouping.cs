namespace ChurnFunctions.Core.Engagement;

/// <summary>How a feedback summary splits its range: not at all, or by calendar month (UTC).</summary>
public enum FeedbackGrouping
{
    None,
    Month,
}
