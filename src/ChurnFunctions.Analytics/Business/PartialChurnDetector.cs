namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Trailing window = (asOf - TrailingDays, asOf]; baseline window = the BaselineDays before it, cut at the
/// first purchase day when the customer is newer. Baseline spend is rescaled to the trailing window's length:
/// baseline = spend in baseline window * TrailingDays / covered baseline days. Partial churn when
/// trailing &lt;= (1 - DropFraction) * baseline.
/// </summary>
public static class PartialChurnDetector
{
    public static PartialChurnResult Evaluate(ReadOnlySpan<int> purchaseDays, ReadOnlySpan<double> amounts, int asOfDay, PartialChurnOptions options)
    {
        var trailingStart = asOfDay - options.TrailingDays; // exclusive
        var baselineStart = trailingStart - options.BaselineDays; // exclusive
        double trailing = 0, baseline = 0;
        var first = int.MaxValue;
        for (var i = 0; i < purchaseDays.Length; i++)
        {
            var day = purchaseDays[i];
            if (day > asOfDay) continue;
            first = Math.Min(first, day);
            if (day > trailingStart) trailing += amounts[i];
            else if (day > baselineStart) baseline += amounts[i];
        }

        // The first purchase day counts as covered, hence the + 1.
        var covered = Math.Min(options.BaselineDays, trailingStart - first + 1);
        if (first == int.MaxValue || covered < options.MinimumBaselineDays || baseline <= 0)
            return new PartialChurnResult(false, false, trailing, 0, double.NaN);

        var rate = baseline * options.TrailingDays / covered;
        var drop = 1 - trailing / rate;
        return new PartialChurnResult(trailing <= (1 - options.DropFraction) * rate, true, trailing, rate, drop);
    }
}
