namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// The business churn definition. Days are <see cref="DateOnly.DayNumber"/> values; purchase days are a
/// customer's distinct purchase days in ascending order (later days than as-of are ignored).
/// Silence = as-of day - last purchase day. A repeat buyer (n &gt;= 2 purchase days) with mean gap
/// g = (last - first) / (n - 1) is churned when silence &gt; GapMultiple * g; a one-time buyer when
/// silence &gt; OneTimeBuyerDays; either is also churned when a supplied P(alive) &lt; AliveThreshold.
/// The boundary day itself (silence exactly equal to the limit) is still active.
/// </summary>
public static class ChurnRules
{
    public static ChurnStatus Classify(ReadOnlySpan<int> purchaseDays, int asOfDay, ChurnOptions options, double? probabilityAlive = null)
    {
        var n = CountUpTo(purchaseDays, asOfDay);
        if (n == 0) return ChurnStatus.NotYetCustomer;
        var silence = asOfDay - purchaseDays[n - 1];
        if (n == 1)
        {
            if (silence > options.OneTimeBuyerDays) return ChurnStatus.ChurnedOneTimeBuyer;
        }
        else
        {
            var meanGap = (double)(purchaseDays[n - 1] - purchaseDays[0]) / (n - 1);
            if (silence > options.GapMultiple * meanGap) return ChurnStatus.ChurnedGap;
        }

        return probabilityAlive < options.AliveThreshold ? ChurnStatus.ChurnedLowProbabilityAlive : ChurnStatus.Active;
    }

    public static bool IsActive(ReadOnlySpan<int> purchaseDays, int asOfDay, ChurnOptions options) =>
        Classify(purchaseDays, asOfDay, options) == ChurnStatus.Active;

    /// <summary>Purchase days on or before the as-of day (binary search: the days are sorted).</summary>
    internal static int CountUpTo(ReadOnlySpan<int> purchaseDays, int asOfDay)
    {
        var i = purchaseDays.BinarySearch(asOfDay);
        return i >= 0 ? i + 1 : ~i;
    }
}
