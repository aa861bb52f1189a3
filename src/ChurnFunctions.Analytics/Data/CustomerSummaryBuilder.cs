namespace ChurnFunctions.Analytics.Data;

/// <summary>Builds <see cref="CustomerSummary"/> from a purchase history or from stored per-customer aggregates.</summary>
public static class CustomerSummaryBuilder
{
    /// <summary>
    /// Calibration summary as of <paramref name="calibrationEnd"/> (inclusive), and, when
    /// <paramref name="observationEnd"/> is given, holdout purchase days in (calibration end, observation end].
    /// Customers whose first purchase falls after calibration end are left out, as lifetimes does.
    /// </summary>
    public static CustomerSummary FromHistory(PurchaseHistory history, DateOnly calibrationEnd, DateOnly? observationEnd = null)
    {
        var calEnd = calibrationEnd.DayNumber;
        var obsEnd = observationEnd?.DayNumber;
        if (obsEnd < calEnd) throw new ArgumentException("Observation end precedes calibration end.", nameof(observationEnd));

        var n = 0;
        for (var c = 0; c < history.CustomerCount; c++)
            if (history.Offsets[c] < history.Offsets[c + 1] && history.Days[history.Offsets[c]] <= calEnd) n++;

        var ids = new long[n];
        var first = new int[n];
        var frequency = new int[n];
        var recency = new int[n];
        var age = new int[n];
        var monetary = new double[n];
        var holdout = obsEnd is null ? null : new int[n];
        var k = 0;
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            if (days.Length == 0 || days[0] > calEnd) continue;
            var amounts = history.AmountsOf(c);
            var inCalibration = 1;
            double repeatSpend = 0;
            while (inCalibration < days.Length && days[inCalibration] <= calEnd)
            {
                repeatSpend += amounts[inCalibration];
                inCalibration++;
            }

            ids[k] = history.CustomerIds[c];
            first[k] = days[0];
            frequency[k] = inCalibration - 1;
            recency[k] = days[inCalibration - 1] - days[0];
            age[k] = calEnd - days[0];
            monetary[k] = inCalibration > 1 ? repeatSpend / (inCalibration - 1) : 0;
            if (holdout is not null)
            {
                var count = 0;
                for (var i = inCalibration; i < days.Length && days[i] <= obsEnd; i++) count++;
                holdout[k] = count;
            }

            k++;
        }

        return new CustomerSummary(ids, first, frequency, recency, age, monetary, calEnd, history.HasAmounts, holdout, obsEnd);
    }

    /// <summary>
    /// Summary straight from stored aggregates, O(customers). The aggregates must describe purchases up to
    /// <paramref name="asOf"/> only; customers whose first purchase is later are left out.
    /// </summary>
    public static CustomerSummary FromAggregates(ReadOnlySpan<CustomerAggregate> aggregates, DateOnly asOf, bool hasMonetary = true)
    {
        var end = asOf.DayNumber;
        var n = 0;
        foreach (var a in aggregates)
            if (a.DistinctPurchaseDays > 0 && a.FirstPurchaseDay <= end) n++;

        var ids = new long[n];
        var first = new int[n];
        var frequency = new int[n];
        var recency = new int[n];
        var age = new int[n];
        var monetary = new double[n];
        var k = 0;
        foreach (var a in aggregates)
        {
            if (a.DistinctPurchaseDays <= 0 || a.FirstPurchaseDay > end) continue;
            if (a.LastPurchaseDay < a.FirstPurchaseDay || a.LastPurchaseDay > end)
                throw new ArgumentException($"Customer {a.CustomerId}: last purchase day outside [first purchase, as-of].", nameof(aggregates));
            ids[k] = a.CustomerId;
            first[k] = a.FirstPurchaseDay;
            frequency[k] = a.DistinctPurchaseDays - 1;
            recency[k] = a.LastPurchaseDay - a.FirstPurchaseDay;
            age[k] = end - a.FirstPurchaseDay;
            monetary[k] = a.DistinctPurchaseDays > 1 ? (a.TotalSpend - a.FirstDaySpend) / (a.DistinctPurchaseDays - 1) : 0;
            k++;
        }

        return new CustomerSummary(ids, first, frequency, recency, age, monetary, end, hasMonetary);
    }
}
