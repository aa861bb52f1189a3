using System.Diagnostics;
using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// The nightly job, shared by both hosts' timers and `churn score`: reads one aggregate row per customer, rebuilds
/// the daily purchase history from it, fits the purchase and spend models, scores and segments every customer,
/// writes the scores and the day's metrics snapshot, and raises the alerts the day calls for.
/// </summary>
public sealed partial class ScoringJob(
    ICustomerStore customers,
    IScoreStore scores,
    IMetricsStore metrics,
    AlertService alerts,
    CategoryHistoryReader categories,
    IOptions<AnalyticsOptions> analyticsOptions,
    IOptions<AlertOptions> alertOptions,
    IOptions<ChurnOptions> churnOptions,
    IOptions<PartialChurnOptions> partialChurnOptions,
    IOptions<ValueTierOptions> valueTierOptions,
    TimeProvider time,
    ILogger<ScoringJob> logger)
{
    /// <param name="asOf">The last day scored; by default yesterday in the reporting time zone.</param>
    public async Task<ScoringRun> RunAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var options = analyticsOptions.Value;
        var day = asOf ?? Yesterday(options.ReportingTimeZone);
        var records = await LoadAsync(day, cancellationToken);
        LogLoaded(logger, records.Count, day);

        var history = BuildHistory(records, day);
        var summary = CustomerSummaryBuilder.FromHistory(history, day);
        var model = FitPurchaseModel(summary, options.PurchaseModel);
        var spend = FitSpendModel(summary);
        var scored = CustomerScorer.Score(summary, model, spend, new ScoringOptions { PurchaseHorizonWeeks = options.ExpectedPurchasesHorizonDays / 7.0 });
        var abandoned = await categories.DetectAsync(records, day, cancellationToken);

        var customerScores = Score(records, history, summary, scored, abandoned, day, options.ExpectedPurchasesHorizonDays);
        await scores.SaveAsync(day, customerScores, cancellationToken);

        var snapshot = Snapshot(day, history, customerScores, model, options.MetricsPeriodDays) with { CategoryAbandonmentSkipped = abandoned.SkippedReason };
        var trailing = await metrics.ListAsync(day.AddDays(-alertOptions.Value.TrailingDays), day.AddDays(-1), cancellationToken);
        await metrics.SaveAsync(snapshot, cancellationToken);

        var slipping = new List<(CustomerScore, double?)>();
        foreach (var score in customerScores.Where(s => s.ValueTier == nameof(ValueTier.High) && s.ProbabilityAlive < alertOptions.Value.TopTierAliveThreshold))
        {
            var previous = await scores.GetAsync(day.AddDays(-1), score.CustomerId, cancellationToken);
            slipping.Add((score, previous?.ProbabilityAlive));
        }

        var raised = await alerts.RaiseAsync(AlertRules.Evaluate(snapshot, trailing, slipping, alertOptions.Value, time.GetUtcNow()), cancellationToken);
        LogScored(logger, customerScores.Count, day, model.Name, raised.Count, stopwatch.ElapsedMilliseconds);
        return new ScoringRun(day, customerScores.Count, model.Name, raised.Count, stopwatch.Elapsed);
    }

    private async Task<List<CustomerRecord>> LoadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var records = new List<CustomerRecord>();
        await foreach (var record in customers.ListAsync(cancellationToken))
        {
            // Anonymous sales are not a customer, and a merged-away record's history lives in its survivor.
            if (!record.IsAnonymous && record.MergedInto is null && record.PurchaseDays.Count > 0 && record.PurchaseDays[0] <= day)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private static PurchaseHistory BuildHistory(List<CustomerRecord> records, DateOnly day)
    {
        var builder = new PurchaseHistoryBuilder(hasAmounts: true, expectedRows: records.Sum(r => r.PurchaseDays.Count), expectedCustomers: records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var hasSpend = record.PurchaseDaySpend.Count == record.PurchaseDays.Count;
            for (var j = 0; j < record.PurchaseDays.Count && record.PurchaseDays[j] <= day; j++)
            {
                builder.Add(i, record.PurchaseDays[j], hasSpend ? (double)record.PurchaseDaySpend[j] : 0);
            }
        }

        return builder.Build();
    }

    private static IPurchaseModel FitPurchaseModel(CustomerSummary summary, string name) => name switch
    {
        "bgnbd" => BgNbdFitter.Fit(summary),
        "pareto" => ParetoNbdFitter.Fit(summary),
        _ => ModifiedBgNbdFitter.Fit(summary),
    };

    // Gamma-Gamma needs repeat buyers with positive spend; without enough of them spend and CLV stay unknown.
    private static GammaGammaModel? FitSpendModel(CustomerSummary summary)
    {
        var repeatBuyers = 0;
        for (var i = 0; i < summary.Count; i++)
        {
            if (summary.Frequency[i] > 0 && summary.MonetaryValue[i] > 0)
            {
                repeatBuyers++;
            }
        }

        return repeatBuyers >= 10 ? GammaGammaFitter.Fit(summary) : null;
    }

    private List<CustomerScore> Score(
        List<CustomerRecord> records, PurchaseHistory history, CustomerSummary summary, CustomerScores scored,
        CategoryFindings abandoned, DateOnly day, int horizonDays)
    {
        var n = summary.Count;
        var asOfDay = day.DayNumber;
        var daysSinceLast = new int[n];
        var purchaseDays = new int[n];
        var spend = new double[n];
        var historyIndex = new Dictionary<long, int>(history.CustomerIds.Length);
        for (var c = 0; c < history.CustomerIds.Length; c++)
        {
            historyIndex[history.CustomerIds[c]] = c;
        }

        for (var i = 0; i < n; i++)
        {
            var days = history.DaysOf(historyIndex[summary.CustomerIds[i]]);
            daysSinceLast[i] = asOfDay - days[^1];
            purchaseDays[i] = days.Length;
            foreach (var amount in history.AmountsOf(historyIndex[summary.CustomerIds[i]]))
            {
                spend[i] += amount;
            }
        }

        var rfm = RfmScorer.Score(daysSinceLast, purchaseDays, spend);
        var clv = scored.Clv;
        var valueTiers = ValueTierAssigner.Assign(clv, valueTierOptions.Value);
        var result = new List<CustomerScore>(n);
        for (var i = 0; i < n; i++)
        {
            var c = historyIndex[summary.CustomerIds[i]];
            var record = records[(int)summary.CustomerIds[i]];
            var segment = SegmentRules.Segment(rfm.Recency[i], rfm.Frequency[i]);
            var pAlive = scored.ProbabilityAlive[i];
            result.Add(new CustomerScore(
                record.Id,
                day,
                pAlive,
                scored.ExpectedPurchases[i],
                horizonDays,
                scored.ExpectedNextPurchaseDay[i] > 0 ? scored.ExpectedNextPurchaseDate(i) : null,
                Finite(scored.ExpectedSpend[i]),
                Finite(clv[i]),
                rfm.Recency[i],
                rfm.Frequency[i],
                rfm.Monetary[i],
                segment.ToString(),
                SegmentRules.Tier(segment).ToString(),
                valueTiers[i].ToString(),
                ChurnRules.Classify(history.DaysOf(c), asOfDay, churnOptions.Value, pAlive).ToString(),
                PartialChurnDetector.Evaluate(history.DaysOf(c), history.AmountsOf(c), asOfDay, partialChurnOptions.Value).IsPartialChurn,
                abandoned.ByCustomer.GetValueOrDefault(record.Id) ?? []));
        }

        return result;
    }

    private MetricsSnapshot Snapshot(DateOnly day, PurchaseHistory history, List<CustomerScore> customerScores, IPurchaseModel model, int periodDays)
    {
        var period = PeriodMetricsCalculator.Compute(history, day.AddDays(1 - periodDays), day, churnOptions.Value);
        return new MetricsSnapshot(
            day,
            time.GetUtcNow(),
            period.Start,
            period.End,
            customerScores.Count,
            period.ActiveAtStart,
            period.ChurnedDuringPeriod,
            period.ChurnRate,
            period.RetentionRate,
            period.RepeatPurchaseRate,
            period.ActiveAtEnd,
            period.NewCustomers,
            Math.Round((decimal)period.Revenue, 2),
            Math.Round((decimal)period.RevenueFromReturningCustomers, 2),
            customerScores.Count(s => s.PartialChurn),
            Count(customerScores, s => s.Segment),
            Count(customerScores, s => s.Tier),
            Count(customerScores, s => s.ValueTier),
            customerScores.SelectMany(s => s.AbandonedCategories).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()),
            model.Name,
            model.Parameters,
            model.LogLikelihood);
    }

    private static Dictionary<string, int> Count(List<CustomerScore> scores, Func<CustomerScore, string> key) =>
        scores.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private DateOnly Yesterday(string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return DateOnly.FromDateTime(local.Date).AddDays(-1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring {Customers} customers as of {AsOf}")]
    private static partial void LogLoaded(ILogger logger, int customers, DateOnly asOf);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Customers} customers as of {AsOf} with {Model}; {Alerts} new alerts; {ElapsedMs} ms")]
    private static partial void LogScored(ILogger logger, int customers, DateOnly asOf, string model, int alerts, long elapsedMs);
}
