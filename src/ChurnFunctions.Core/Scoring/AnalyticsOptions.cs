using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Scoring;

/// <summary>How the nightly scoring runs, bound from "Analytics".</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>IANA time zone whose calendar days bound the periods; the run scores up to yesterday there.</summary>
    [Required]
    public string ReportingTimeZone { get; set; } = "UTC";

    /// <summary>Length of the period the daily snapshot's churn rate, retention and revenue cover, ending on the run day.</summary>
    [Range(7, 366)]
    public int MetricsPeriodDays { get; set; } = 30;

    /// <summary>
    /// The purchase model: "mbgnbd" (default: the lowest per-customer holdout error on CDNOW, see
    /// docs/analytics-models.md), "bgnbd" or "pareto".
    /// </summary>
    [RegularExpression("^(mbgnbd|bgnbd|pareto)$")]
    public string PurchaseModel { get; set; } = "mbgnbd";

    /// <summary>Horizon of the expected-purchases score, in days.</summary>
    [Range(1, 3650)]
    public int ExpectedPurchasesHorizonDays { get; set; } = 90;
}
