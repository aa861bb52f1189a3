using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Analytics.Business;

/// <summary>When a customer counts as churned.</summary>
public sealed class ChurnOptions
{
    public const string SectionName = "Analytics:Churn";

    /// <summary>A repeat buyer is churned after more than this many of their own mean inter-purchase gaps without a purchase.</summary>
    [Range(0.5, 100)]
    public double GapMultiple { get; set; } = 3;

    /// <summary>A one-time buyer is churned after more than this many days without a second purchase.</summary>
    [Range(1, 3650)]
    public int OneTimeBuyerDays { get; set; } = 180;

    /// <summary>Churned when the model's P(alive) is below this (only when a P(alive) is supplied).</summary>
    [Range(0.0, 1.0)]
    public double AliveThreshold { get; set; } = 0.3;
}
