using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Conversion rates, absolute uplift (treatment - holdout, in proportion points) with its 95% interval, relative
/// uplift, and revenue per entered customer. Null where a group has nobody (no rate to speak of), or, for the
/// relative uplift, where the holdout rate is zero.
/// </summary>
public sealed record UpliftResult(
    double? TreatmentRate,
    double? HoldoutRate,
    double? AbsoluteUplift,
    double? LowerBound,
    double? UpperBound,
    double? RelativeUplift,
    decimal? TreatmentRevenuePerCustomer,
    decimal? HoldoutRevenuePerCustomer,
    decimal? IncrementalRevenue)
{
    /// <summary>The interval excludes zero.</summary>
    [JsonIgnore]
    public bool IsSignificant => LowerBound > 0 || UpperBound < 0;
}
