using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.ModelHealth;

/// <summary>
/// Is the purchase model still right for this store? It is fitted again with the last weeks held out, and its
/// expectations for those weeks are set against what the customers did: per week (the tracking plot) and per
/// calibration frequency. Customers whose first purchase falls in the holdout are left out, as the fit leaves them out.
/// </summary>
public sealed class ModelHealthQueries(ICustomerStore customers, IMetricsStore metrics, IOptions<AnalyticsOptions> options)
{
    public const int DefaultWeeks = 13;
    public const int MaxWeeks = 104;
    private const int TopFrequency = 7;

    /// <summary>The report, or null before the first run (it ends on the latest run's day).</summary>
    public async Task<ModelHealthReport?> GetAsync(int? weeks, CancellationToken cancellationToken)
    {
        if (await metrics.LatestAsync(cancellationToken) is not { } latest)
        {
            return null;
        }

        var records = new List<CustomerRecord>();
        await foreach (var record in customers.ListAsync(cancellationToken))
        {
            if (!record.IsAnonymous && record.MergedInto is null && record.PurchaseDays.Count > 0 && record.PurchaseDays[0] <= latest.Date)
            {
                records.Add(record);
            }
        }

        var end = latest.Date;
        var holdoutWeeks = weeks ?? DefaultHoldout(records, end);
        var calibrationEnd = end.AddDays(-7 * holdoutWeeks);
        var builder = new PurchaseHistoryBuilder(hasAmounts: false, expectedRows: records.Sum(r => r.PurchaseDays.Count), expectedCustomers: records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var day in records[i].PurchaseDays.Where(d => d <= end))
            {
                builder.Add(i, day);
            }
        }

        var summary = CustomerSummaryBuilder.FromHistory(builder.Build(), calibrationEnd, end);
        var model = ScoringModels.FitPurchase(summary, options.Value.PurchaseModel, out var reason);
        var tracking = new List<TrackingWeek>(holdoutWeeks);
        var expectedTotal = new double[summary.Count];
        double expectedSoFar = 0;
        var actualSoFar = 0;
        for (var w = 1; w <= holdoutWeeks; w++)
        {
            var weekEnd = calibrationEnd.AddDays(7 * w);
            double expected = 0;
            var actual = 0;
            for (var i = 0; i < summary.Count; i++)
            {
                var cumulative = model?.ExpectedPurchases(w, summary.Frequency[i], summary.Recency(i), summary.Age(i)) ?? 0;
                expectedTotal[i] = cumulative;
                expected += cumulative;
                actual += records[(int)summary.CustomerIds[i]].PurchaseDays.Count(d => d > weekEnd.AddDays(-7) && d <= weekEnd);
            }

            actualSoFar += actual;
            tracking.Add(new TrackingWeek(w, weekEnd, expected - expectedSoFar, actual, expected, actualSoFar));
            expectedSoFar = expected;
        }

        var calibration = Enumerable.Range(0, summary.Count)
            .GroupBy(i => Math.Min(summary.Frequency[i], TopFrequency))
            .OrderBy(g => g.Key)
            .Select(g => new FrequencyCalibration(
                g.Key == TopFrequency ? $"{TopFrequency}+" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                g.Count(),
                g.Average(i => expectedTotal[i]),
                g.Average(i => (double)summary.HoldoutPurchases![i])))
            .ToList();
        return new ModelHealthReport(calibrationEnd, end, model is null ? null : options.Value.PurchaseModel, reason, summary.Count, tracking, calibration);
    }

    // At most DefaultWeeks, and never more than half the store's history, so the fit keeps most of it.
    private static int DefaultHoldout(List<CustomerRecord> records, DateOnly end)
    {
        var first = records.Count == 0 ? end : records.Min(r => r.PurchaseDays[0]);
        return Math.Clamp((end.DayNumber - first.DayNumber) / 14, 1, DefaultWeeks);
    }
}
