using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Horizons and discounting for per-customer predictions.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Analytics:Scoring";

    /// <summary>Horizon of the expected-purchases prediction, in weeks.</summary>
    [Range(0.0, 5200.0)]
    public double PurchaseHorizonWeeks { get; set; } = 39;

    /// <summary>CLV horizon in months.</summary>
    [Range(1, 1200)]
    public int ClvMonths { get; set; } = 12;

    /// <summary>Monthly discount rate for CLV (0.01 = 1% a month, about 12.7% a year).</summary>
    [Range(0.0, 1.0)]
    public double MonthlyDiscountRate { get; set; } = 0.01;

    /// <summary>Weeks per month; 4.345 is lifetimes' factor for weekly models.</summary>
    [Range(4.0, 5.0)]
    public double WeeksPerMonth { get; set; } = 4.345;
}
