using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Analytics.Business;

/// <summary>Partial churn: trailing spend against the customer's own baseline.</summary>
public sealed class PartialChurnOptions
{
    public const string SectionName = "Analytics:PartialChurn";

    /// <summary>Length of the trailing window ending on the as-of day.</summary>
    [Range(7, 730)]
    public int TrailingDays { get; set; } = 90;

    /// <summary>Length of the baseline window just before the trailing window.</summary>
    [Range(7, 3650)]
    public int BaselineDays { get; set; } = 365;

    /// <summary>Partial churn when trailing spend falls by at least this fraction of the baseline rate (0.8 = 80%).</summary>
    [Range(0.0, 1.0)]
    public double DropFraction { get; set; } = 0.8;

    /// <summary>Baseline days the customer must have been a customer for; shorter histories have no baseline.</summary>
    [Range(1, 3650)]
    public int MinimumBaselineDays { get; set; } = 90;
}
