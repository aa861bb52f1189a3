namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Category c is abandoned on the as-of day when (1) the customer bought c on at least MinimumPurchaseDays
/// distinct days within the baseline window (asOf - BaselineDays, asOf], and (2) the silence since the last
/// purchase in c, asOf - last_c, is at least max(GapMultiple x g_c, MinimumSilenceDays), where g_c is the mean gap
/// between those days. Rows after the as-of day are ignored. Every silent category is returned;
/// <see cref="CategoryAbandonment.IsCategoryLoss"/> tells a lost category from a customer who stopped buying at all.
/// </summary>
public static class CategoryAbandonmentDetector
{
    /// <param name="days">One customer's purchase rows: day numbers, any order, duplicates allowed.</param>
    /// <param name="categories">Category id per row.</param>
    public static IReadOnlyList<CategoryAbandonment> Detect(ReadOnlySpan<int> days, ReadOnlySpan<int> categories, int asOfDay, CategoryAbandonmentOptions options)
    {
        if (days.Length != categories.Length) throw new ArgumentException("One category per purchase row.", nameof(categories));
        var windowStart = asOfDay - options.BaselineDays; // exclusive
        var rows = new List<(int Category, int Day)>(days.Length);
        var lastAny = int.MinValue;
        for (var i = 0; i < days.Length; i++)
        {
            if (days[i] > asOfDay) continue;
            rows.Add((categories[i], days[i]));
            lastAny = Math.Max(lastAny, days[i]);
        }

        rows.Sort();
        var result = new List<CategoryAbandonment>();
        var start = 0;
        while (start < rows.Count)
        {
            var category = rows[start].Category;
            var end = start;
            int distinct = 0, firstInWindow = int.MaxValue, last = int.MinValue, previous = int.MinValue;
            for (; end < rows.Count && rows[end].Category == category; end++)
            {
                var day = rows[end].Day;
                last = day;
                if (day == previous || day <= windowStart) { previous = day; continue; }
                previous = day;
                distinct++;
                firstInWindow = Math.Min(firstInWindow, day);
            }

            if (distinct >= options.MinimumPurchaseDays)
            {
                var gap = (double)(last - firstInWindow) / (distinct - 1);
                var threshold = Math.Max(options.GapMultiple * gap, options.MinimumSilenceDays);
                var silence = asOfDay - last;
                if (silence >= threshold) result.Add(new CategoryAbandonment(category, distinct, gap, last, silence, threshold, lastAny > last, asOfDay - lastAny));
            }

            start = end;
        }

        return result;
    }
}
