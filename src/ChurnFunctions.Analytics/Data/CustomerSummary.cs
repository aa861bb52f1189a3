namespace ChurnFunctions.Analytics.Data;

/// <summary>
/// Per-customer frequency/recency/age/monetary summary with the definitions of the Python lifetimes
/// package at day resolution: x = distinct purchase days - 1, t_x = last - first purchase day,
/// T = calibration end - first purchase day, monetary = mean spend of the repeat purchase days.
/// Times are kept in whole days (exact, and cheap to group); the models see weeks = days / 7.
/// </summary>
public sealed class CustomerSummary
{
    /// <summary>Days per model time unit: lifetimes' freq 'D' with freq_multiplier 7, i.e. weeks.</summary>
    public const double DaysPerUnit = 7.0;

    public CustomerSummary(
        long[] customerIds,
        int[] firstPurchaseDay,
        int[] frequency,
        int[] recencyDays,
        int[] ageDays,
        double[] monetaryValue,
        int calibrationEndDay,
        bool hasMonetary,
        int[]? holdoutPurchases = null,
        int? observationEndDay = null)
    {
        var n = customerIds.Length;
        if (firstPurchaseDay.Length != n || frequency.Length != n || recencyDays.Length != n || ageDays.Length != n || monetaryValue.Length != n)
            throw new ArgumentException("Every column needs one entry per customer.", nameof(customerIds));
        if (holdoutPurchases is not null && (holdoutPurchases.Length != n || observationEndDay is null))
            throw new ArgumentException("Holdout counts need one entry per customer and an observation end.", nameof(holdoutPurchases));
        CustomerIds = customerIds;
        FirstPurchaseDay = firstPurchaseDay;
        Frequency = frequency;
        RecencyDays = recencyDays;
        AgeDays = ageDays;
        MonetaryValue = monetaryValue;
        CalibrationEndDay = calibrationEndDay;
        HasMonetary = hasMonetary;
        HoldoutPurchases = holdoutPurchases;
        ObservationEndDay = observationEndDay;
    }

    public long[] CustomerIds { get; }

    public int[] FirstPurchaseDay { get; }

    /// <summary>x: repeat purchase days in the calibration period.</summary>
    public int[] Frequency { get; }

    /// <summary>t_x in days: last minus first purchase day (0 for one-time buyers).</summary>
    public int[] RecencyDays { get; }

    /// <summary>T in days: calibration end minus first purchase day.</summary>
    public int[] AgeDays { get; }

    /// <summary>Mean spend of the repeat purchase days (first day excluded); 0 when x = 0.</summary>
    public double[] MonetaryValue { get; }

    public bool HasMonetary { get; }

    /// <summary>Distinct purchase days after calibration end up to and including observation end, when a holdout was requested.</summary>
    public int[]? HoldoutPurchases { get; }

    public int CalibrationEndDay { get; }

    public int? ObservationEndDay { get; }

    public int Count => CustomerIds.Length;

    /// <summary>Holdout length in model units (weeks), 0 without a holdout.</summary>
    public double HoldoutLength => ObservationEndDay is { } end ? (end - CalibrationEndDay) / DaysPerUnit : 0;

    public double Recency(int i) => RecencyDays[i] / DaysPerUnit;

    public double Age(int i) => AgeDays[i] / DaysPerUnit;
}
