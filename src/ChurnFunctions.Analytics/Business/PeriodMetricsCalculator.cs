using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Period metrics from a purchase history, using <see cref="ChurnRules"/> without a model (recency rules only):
/// <list type="bullet">
/// <item>Active at start: active by the churn rules as of the day before Start.</item>
/// <item>Churned during period: active at start and churned as of End. Churn rate = churned / active at start.</item>
/// <item>Retention rate: share of the customers active at start who bought at least once in the period.</item>
/// <item>Repeat purchase rate: share of the period's purchasers with two or more purchase days in the period.</item>
/// <item>New customers: first purchase inside the period. Active at end: active as of End.</item>
/// <item>Revenue from returning customers: period revenue from customers whose first purchase precedes Start.</item>
/// </list>
/// Rates are null when their denominator is 0: a rate of nothing has no value, and NaN cannot be written as JSON.
/// </summary>
public static class PeriodMetricsCalculator
{
    public static PeriodMetrics Compute(PurchaseHistory history, DateOnly start, DateOnly end, ChurnOptions options)
    {
        if (end < start) throw new ArgumentException("The period ends before it starts.", nameof(end));
        int s = start.DayNumber, e = end.DayNumber;
        int activeAtStart = 0, churned = 0, retained = 0, purchasers = 0, repeat = 0, newCustomers = 0, activeAtEnd = 0;
        double revenue = 0, returningRevenue = 0;
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            if (days.Length == 0 || days[0] > e) continue;
            var amounts = history.AmountsOf(c);
            var wasActive = ChurnRules.IsActive(days, s - 1, options);
            var isActive = ChurnRules.IsActive(days, e, options);
            var inPeriod = 0;
            double spend = 0;
            for (var i = ChurnRules.CountUpTo(days, s - 1); i < days.Length && days[i] <= e; i++)
            {
                inPeriod++;
                spend += amounts[i];
            }

            if (wasActive)
            {
                activeAtStart++;
                if (!isActive) churned++;
                if (inPeriod > 0) retained++;
            }

            if (inPeriod > 0) purchasers++;
            if (inPeriod > 1) repeat++;
            if (days[0] >= s) newCustomers++;
            else returningRevenue += spend;
            if (isActive) activeAtEnd++;
            revenue += spend;
        }

        return new PeriodMetrics(start, end, activeAtStart, churned, Ratio(churned, activeAtStart), retained, Ratio(retained, activeAtStart),
            purchasers, repeat, Ratio(repeat, purchasers), newCustomers, activeAtEnd, revenue, returningRevenue);
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
