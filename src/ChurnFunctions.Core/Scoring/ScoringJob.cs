using System.Diagnostics;
using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Telemetry;
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
    ChurnMetrics churnMetrics,
    ILogger<ScoringJob> logger)
{
    /// <param name="asOf">The last day scored; by default yesterday in the reporting time zone.</param>
    public Task<ScoringRun> RunAsync(DateOnly? asOf, CancellationToken cancellationToken) => RunAsync(asOf, null, cancellationToken);

    /// <param name="asOf">The last day scored; by default yesterday in the reporting time zone.</param>
    /// <param name="progress">Told each phase and, while customers are read and scores written, how many so far.</param>
    /// <param name="cancellationToken">Stops the run; nothing is published then.</param>
    public async Task<ScoringRun> RunAsync(DateOnly? asOf, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var day = asOf ?? Yesterday(analyticsOptions.Value.ReportingTimeZone);
        using var activity = ChurnTelemetry.StartScoring(day);
        try
        {
            var run = await RunAsync(day, progress ?? NoProgress.Instance, cancellationToken);
            churnMetrics.Scored(run.Customers, run.Elapsed);
            activity?.SetTag("churn.customers", run.Customers);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity.Fail(ex);
            // Logged here so both hosts' timers and `churn score` say why; rethrown so the host records the failure.
            LogFailed(logger, day, ex.GetType().Name, ex.Message, ex);
            throw;
        }
    }

    private async Task<ScoringRun> RunAsync(DateOnly day, IProgress<ScoringProgress> progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        var options = analyticsOptions.Value;
        var records = await LoadAsync(day, progress, cancellationToken);
        LogLoaded(logger, records.Count, day);
        LogPhase(logger, ScoringProgress.Reading, records.Count, phase.ElapsedMilliseconds);
        progress.Report(new ScoringProgress(ScoringProgress.Modelling, 0, records.Count));
        phase.Restart();

        var history = BuildHistory(records, day);
        var summary = CustomerSummaryBuilder.FromHistory(history, day);
        var model = ScoringModels.FitPurchase(summary, options.PurchaseModel, out var noModel);
        if (model is null)
        {
            LogNoModel(logger, day, noModel ?? "unknown");
        }

        var scoring = new ScoringOptions { PurchaseHorizonWeeks = options.ExpectedPurchasesHorizonDays / 7.0 };
        var scored = model is null ? null : CustomerScorer.Score(summary, model, null, scoring);
        var currencies = ScoreBuilder.Currencies(records, summary);
        var clv = ScoreBuilder.SpendAndClv(summary, model, ScoreBuilder.FitSpend(summary, currencies), currencies, scoring);
        LogPhase(logger, ScoringProgress.Modelling, records.Count, phase.ElapsedMilliseconds);
        progress.Report(new ScoringProgress(ScoringProgress.Categories, 0, records.Count));
        phase.Restart();
        var abandoned = await categories.DetectAsync(records, day, cancellationToken);
        LogPhase(logger, ScoringProgress.Categories, abandoned.ByCustomer.Count, phase.ElapsedMilliseconds);

        var customerScores = ScoreBuilder.Score(
            records, history, summary, scored, clv, currencies, abandoned, day, options.ExpectedPurchasesHorizonDays,
            new ScoreRules(churnOptions.Value, partialChurnOptions.Value, valueTierOptions.Value));
        var snapshot = Snapshot(day, records, history, customerScores, model, noModel, options.MetricsPeriodDays) with { CategoryAbandonmentSkipped = abandoned.SkippedReason };
        var trailing = await metrics.ListAsync(day.AddDays(-alertOptions.Value.TrailingDays), day.AddDays(-1), cancellationToken);

        // Scores, then the snapshot, then the pointer: readers switch to this run only once all of it is written.
        phase.Restart();
        await SaveAsync(day, customerScores, progress, cancellationToken);
        LogPhase(logger, ScoringProgress.Writing, customerScores.Count, phase.ElapsedMilliseconds);
        await metrics.SaveAsync(snapshot, cancellationToken);
        var published = await metrics.LatestAsync(cancellationToken) is not { } latest || latest.Date <= day;
        if (published)
        {
            await metrics.PublishAsync(snapshot, cancellationToken);
        }

        progress.Report(new ScoringProgress(ScoringProgress.Alerting, 0, 0));
        phase.Restart();
        var high = ScoreNames.Of(ValueTier.High);
        var candidates = customerScores.Where(s => s.ValueTier == high && s.ProbabilityAlive < alertOptions.Value.TopTierAliveThreshold).ToList();
        var before = await scores.GetManyAsync(day.AddDays(-1), [.. candidates.Select(s => s.CustomerId)], cancellationToken);
        var slipping = candidates.Select(s => (s, before.GetValueOrDefault(s.CustomerId)?.ProbabilityAlive)).ToList();

        var raised = await alerts.RaiseAsync(AlertRules.Evaluate(snapshot, trailing, slipping, alertOptions.Value, time.GetUtcNow()), cancellationToken);
        LogPhase(logger, ScoringProgress.Alerting, raised.Count, phase.ElapsedMilliseconds);
        LogScored(logger, customerScores.Count, day, model?.Name ?? "no model", raised.Count, published, stopwatch.ElapsedMilliseconds);
        return new ScoringRun(day, customerScores.Count, model?.Name, raised.Count, stopwatch.Elapsed) { Published = published };
    }

    // Scores go out in slices so that progress moves while they are written; the store batches and overlaps each slice.
    private async Task SaveAsync(DateOnly day, List<CustomerScore> customerScores, IProgress<ScoringProgress> progress, CancellationToken cancellationToken)
    {
        progress.Report(new ScoringProgress(ScoringProgress.Writing, 0, customerScores.Count));
        for (var start = 0; start < customerScores.Count; start += SaveSlice)
        {
            var slice = customerScores.GetRange(start, Math.Min(SaveSlice, customerScores.Count - start));
            await scores.SaveAsync(day, slice, cancellationToken);
            progress.Report(new ScoringProgress(ScoringProgress.Writing, start + slice.Count, customerScores.Count));
        }
    }

    // The store spreads a day over 64 partitions and writes each in batches of up to 100 entities, so a slice of
    // 6,400 fills whole batches; 2,000 made batches of about 31 rows, three times the round trips.
    private const int SaveSlice = 6_400;

    private sealed class NoProgress : IProgress<ScoringProgress>
    {
        public static readonly NoProgress Instance = new();

        public void Report(ScoringProgress value)
        {
        }
    }

    private async Task<List<CustomerRecord>> LoadAsync(DateOnly day, IProgress<ScoringProgress> progress, CancellationToken cancellationToken)
    {
        var records = new List<CustomerRecord>();
        var read = 0;
        await foreach (var record in customers.ListAsync(cancellationToken))
        {
            if (++read % 1_000 == 0)
            {
                progress.Report(new ScoringProgress(ScoringProgress.Reading, read, 0));
            }

            if (Counts(record, day))
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>Whether the record is a customer the metrics count as of <paramref name="day"/>.</summary>
    // Anonymous sales are not a customer, and a merged-away record's history lives in its survivor.
    internal static bool Counts(CustomerRecord record, DateOnly day) =>
        !record.IsAnonymous && record.MergedInto is null && record.PurchaseDays.Count > 0 && record.PurchaseDays[0] <= day;

    /// <summary>The daily purchase history of <paramref name="records"/> up to <paramref name="day"/>, customer i at index i.</summary>
    internal static PurchaseHistory BuildHistory(List<CustomerRecord> records, DateOnly day)
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

    private MetricsSnapshot Snapshot(
        DateOnly day, List<CustomerRecord> records, PurchaseHistory history, List<CustomerScore> customerScores, IPurchaseModel? model,
        string? noModel, int periodDays)
    {
        var period = PeriodMetricsCalculator.Compute(history, day.AddDays(1 - periodDays), day, churnOptions.Value);
        var (byCurrency, returning) = Revenue(records, history, period.Start, period.End);
        var single = byCurrency.Count <= 1;
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
            single ? byCurrency.Values.Sum() : null,
            single ? returning : null,
            customerScores.Count(s => s.PartialChurn),
            Count(customerScores, s => s.Segment),
            Count(customerScores, s => s.Tier),
            Count(customerScores, s => s.ValueTier),
            customerScores.SelectMany(s => s.AbandonedCategories).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()),
            model?.Name,
            model?.Parameters,
            model?.LogLikelihood)
        {
            RevenueByCurrency = byCurrency,
            ModelUnavailableReason = noModel,
        };
    }

    private static (Dictionary<string, decimal> ByCurrency, decimal Returning) Revenue(
        List<CustomerRecord> records, PurchaseHistory history, DateOnly start, DateOnly end)
    {
        var byCurrency = new Dictionary<string, decimal>(StringComparer.Ordinal);
        decimal returning = 0;
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            var amounts = history.AmountsOf(c);
            decimal spend = 0;
            var bought = false;
            for (var i = 0; i < days.Length; i++)
            {
                if (days[i] >= start.DayNumber && days[i] <= end.DayNumber)
                {
                    spend += (decimal)amounts[i];
                    bought = true;
                }
            }

            if (!bought)
            {
                continue;
            }

            var currency = ScoreBuilder.CurrencyOf(records[(int)history.CustomerIds[c]]);
            byCurrency[currency] = Math.Round(byCurrency.GetValueOrDefault(currency) + spend, 2);
            if (days[0] < start.DayNumber)
            {
                returning += spend;
            }
        }

        return (byCurrency, Math.Round(returning, 2));
    }

    private static Dictionary<string, int> Count(List<CustomerScore> scores, Func<CustomerScore, string> key) =>
        scores.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());

    private DateOnly Yesterday(string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return DateOnly.FromDateTime(local.Date).AddDays(-1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring {Customers} customers as of {AsOf}")]
    private static partial void LogLoaded(ILogger logger, int customers, DateOnly asOf);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Customers} customers as of {AsOf} with {Model}; {Alerts} new alerts; published {Published}; {ElapsedMs} ms")]
    private static partial void LogScored(ILogger logger, int customers, DateOnly asOf, string model, int alerts, bool published, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring phase {Phase}: {Count} in {ElapsedMs} ms")]
    private static partial void LogPhase(ILogger logger, string phase, int count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No purchase model as of {AsOf}: {Reason}; predictions are null and the churn rules use recency alone")]
    private static partial void LogNoModel(ILogger logger, DateOnly asOf, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring as of {AsOf} failed ({ErrorType}: {Reason}); the previous run stays in force")]
    private static partial void LogFailed(ILogger logger, DateOnly asOf, string errorType, string reason, Exception exception);
}
