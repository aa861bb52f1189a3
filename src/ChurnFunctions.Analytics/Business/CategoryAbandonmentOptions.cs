using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Analytics.Business;

/// <summary>When a customer has abandoned a category it bought regularly.</summary>
public sealed class CategoryAbandonmentOptions
{
    public const string SectionName = "Analytics:CategoryAbandonment";

    /// <summary>Window ending on the as-of day in which regular buying is judged.</summary>
    [Range(30, 3650)]
    public int BaselineDays { get; set; } = 365;

    /// <summary>Distinct purchase days in the category within the baseline window that make it "regular".</summary>
    [Range(2, 1000)]
    public int MinimumPurchaseDays { get; set; } = 3;

    /// <summary>Silence must exceed this many of the category's own mean gaps...</summary>
    [Range(1.0, 100.0)]
    public double GapMultiple { get; set; } = 2;

    /// <summary>...and at least this many days.</summary>
    [Range(1, 3650)]
    public int MinimumSilenceDays { get; set; } = 60;
}
