using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Analytics.Business;

/// <summary>Shares of customers in the top value tiers, by predicted CLV.</summary>
public sealed class ValueTierOptions
{
    public const string SectionName = "Analytics:ValueTiers";

    /// <summary>Top share labelled High (0.2 = top 20%).</summary>
    [Range(0.0, 1.0)]
    public double HighShare { get; set; } = 0.2;

    /// <summary>Next share labelled Medium; the rest are Low.</summary>
    [Range(0.0, 1.0)]
    public double MediumShare { get; set; } = 0.3;
}
