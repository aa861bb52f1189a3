namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Trailing window = (asOf - TrailingDays, asOf]; baseline window = the BaselineDays before it, cut at the
/// first purchase day when the customer is newer. Baseline spend is rescaled to the trailing window's length:
/// baseline = spend in baseline window * TrailingDays / covered baseline days. Partial churn when
/// the drop 1 - trailing / baseline is at least DropFraction.
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
        // Compared on the drop with a hair of tolerance: (1 - 0.8) * 360 is 71.99999999999999 in doubles.
        return new PartialChurnResult(drop >= options.DropFraction - 1e-12, true, trailing, rate, drop);
    }
}
