using System.Diagnostics;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Benchmarks.Analytics;

/// <summary>
/// End-to-end Stopwatch harness (BenchmarkDotNet's per-method statistics do not fit a pipeline that
/// allocates gigabytes once): CDNOW summary plus the three fits, then a synthetic million-customer run.
/// </summary>
internal static class AnalyticsBenchmark
{
    private static readonly DateOnly CdnowCalibrationEnd = new(1997, 9, 30);
    private static readonly DateOnly CdnowObservationEnd = new(1998, 6, 30);

    public static int Run(string[] args)
    {
        var customers = Option(args, "--customers", 1_000_000);
        var rows = Option(args, "--transactions", 10_000_000);
        var seed = Option(args, "--seed", 20_240_601);
        Console.WriteLine($"Analytics benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

        var cdnowIndex = Array.IndexOf(args, "--cdnow");
        var cdnowPath = cdnowIndex >= 0 && cdnowIndex + 1 < args.Length ? args[cdnowIndex + 1] : TestData.CdnowPath;
        // Three untimed passes so tiered JIT has promoted the hot loops: the target is "after start-up".
        for (var i = 0; i < 3; i++) RunCdnow(cdnowPath, warmUp: true);
        var (bg, gg) = RunCdnow(cdnowPath, warmUp: false);
        if (!args.Contains("--skip-synthetic")) RunSynthetic(bg, gg, customers, rows, seed);
        return 0;
    }

    private static (BgNbdParameters, GammaGammaParameters) RunCdnow(string path, bool warmUp)
    {
        var table = new BenchTable("CDNOW master (23,570 customers, 69,659 rows): calibration to 1997-09-30, holdout to 1998-06-30");
        var total = new StepTimer();
        var sw = new StepTimer();
        var history = CdnowReader.Read(path);
        table.Add("read file", sw, $"{history.PurchaseDayCount:N0} purchase days");
        sw.Restart();
        var summary = CustomerSummaryBuilder.FromHistory(history, CdnowCalibrationEnd, CdnowObservationEnd);
        var groups = FrequencyGroups.From(summary);
        table.Add("summary + grouping", sw, $"{summary.Count:N0} customers, {groups.Count:N0} distinct (x, t_x, T)");
        var actual = summary.HoldoutPurchases!.Sum();
        sw.Restart();
        var bg = BgNbdFitter.Fit(groups);
        table.Add("fit BG/NBD", sw, Describe(bg, summary, actual));
        sw.Restart();
        var pareto = ParetoNbdFitter.Fit(groups);
        table.Add("fit Pareto/NBD", sw, Describe(pareto, summary, actual));
        sw.Restart();
        var gg = GammaGammaFitter.Fit(summary);
        table.Add("fit Gamma-Gamma", sw, $"{Parameters(gg.Parameters)} ll={gg.LogLikelihood:F2} it={gg.Diagnostics!.Iterations} n={gg.CustomersFitted:N0}");
        table.Add("total (read to last fit)", total, $"holdout actual {actual:N0}");
        if (!warmUp) table.Print();
        return (bg.Values, gg.Values);
    }

    private static void RunSynthetic(BgNbdParameters bg, GammaGammaParameters gg, int customers, int rows, int seed)
    {
        // Pick the model time unit (in days) so the draw lands just under the row budget; top-up rows fill the rest.
        // Rows fall as the unit grows (slower purchasing in calendar time).
        var target = rows * 0.97 / customers;
        double lo = 0.01, hi = 20;
        for (var i = 0; i < 18; i++)
        {
            var mid = Math.Sqrt(lo * hi);
            if (SyntheticBgNbdData.PilotMeanRows(bg, gg, mid, 20_000, seed + 1) > target) lo = mid; else hi = mid;
        }

        var unitDays = Math.Sqrt(lo * hi);
        var start = new DateOnly(2022, 1, 1).DayNumber;
        var sw = new StepTimer();
        var data = SyntheticBgNbdData.Draw(bg, gg, unitDays, customers, rows, seed, start);
        var table = new BenchTable($"Synthetic BG/NBD: {customers:N0} customers, {rows:N0} transactions (seed {seed})");
        table.Add("draw rows (not in pipeline)", sw, $"unit {unitDays:F3} days/model unit, {data.DrawnRows:N0} drawn + {rows - data.DrawnRows:N0} extra same-day rows");
        var calibrationEnd = DateOnly.FromDayNumber(start + 2 * 365 - 1);
        var observationEnd = DateOnly.FromDayNumber(start + SyntheticBgNbdData.HorizonDays - 1);

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var pipeline = new StepTimer();
        sw.Restart();
        var builder = new PurchaseHistoryBuilder(hasAmounts: true, expectedRows: rows, expectedCustomers: customers);
        for (var i = 0; i < rows; i++) builder.Add(data.CustomerIds[i], data.Days[i], data.Amounts[i]);
        var history = builder.Build();
        table.Add("ingest + build history", sw, $"{history.PurchaseDayCount:N0} purchase days");
        sw.Restart();
        var summary = CustomerSummaryBuilder.FromHistory(history, calibrationEnd, observationEnd);
        table.Add("summary from history", sw, $"{summary.Count:N0} customers with holdout");
        var aggregates = Aggregates(history, calibrationEnd.DayNumber);
        sw.Restart();
        var fromAggregates = CustomerSummaryBuilder.FromAggregates(aggregates, calibrationEnd);
        table.Add("summary from aggregates", sw, $"{fromAggregates.Count:N0} customers, O(customers)");
        sw.Restart();
        var groups = FrequencyGroups.From(summary);
        table.Add("group (x, t_x, T)", sw, $"{groups.Count:N0} distinct triples");
        sw.Restart();
        var model = BgNbdFitter.Fit(groups);
        table.Add("fit BG/NBD", sw, $"{Parameters(model.Parameters)} it={model.Diagnostics!.Iterations} conv={model.Diagnostics.Converged} (alpha drawn {bg.Alpha * unitDays / 7:F3} weeks)");
        sw.Restart();
        var spend = GammaGammaFitter.Fit(summary);
        table.Add("fit Gamma-Gamma", sw, $"{Parameters(spend.Parameters)} it={spend.Diagnostics!.Iterations}");
        sw.Restart();
        var pareto = ParetoNbdFitter.Fit(groups);
        table.Add("fit Pareto/NBD", sw, $"{Parameters(pareto.Parameters)} it={pareto.Diagnostics!.Iterations} conv={pareto.Diagnostics.Converged}");
        sw.Restart();
        var scores = CustomerScorer.Score(summary, model, spend, new ScoringOptions { PurchaseHorizonWeeks = summary.HoldoutLength });
        var expected = scores.ExpectedPurchases.Sum();
        table.Add("score (P(alive), E[N], next date, spend, 12-month CLV)", sw,
            $"holdout expected {expected:N0} vs actual {summary.HoldoutPurchases!.Sum():N0}");
        table.Add("pipeline total (ingest to scores, all fits)", pipeline,
            $"allocated {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0:N0} MiB");
        using var process = Process.GetCurrentProcess();
        table.Add("peak working set (whole process)", null, $"{process.PeakWorkingSet64 / 1048576.0:N0} MiB, GC heap now {GC.GetTotalMemory(false) / 1048576.0:N0} MiB");
        table.Print();
        GC.KeepAlive(data);
    }

    private static CustomerAggregate[] Aggregates(PurchaseHistory history, int asOfDay)
    {
        var result = new List<CustomerAggregate>(history.CustomerCount);
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            var amounts = history.AmountsOf(c);
            var n = 0;
            double total = 0;
            while (n < days.Length && days[n] <= asOfDay) total += amounts[n++];
            if (n > 0) result.Add(new CustomerAggregate(history.CustomerIds[c], days[0], days[n - 1], n, total, amounts[0]));
        }

        return [.. result];
    }

    private static string Describe(IPurchaseModel model, CustomerSummary summary, int actual)
    {
        double expected = 0;
        for (var i = 0; i < summary.Count; i++)
            expected += model.ExpectedPurchases(summary.HoldoutLength, summary.Frequency[i], summary.Recency(i), summary.Age(i));
        return $"{Parameters(model.Parameters)} ll={model.LogLikelihood:F2} it={model.Diagnostics!.Iterations} holdout E={expected:N0} vs {actual:N0}";
    }

    private static string Parameters(IReadOnlyDictionary<string, double> parameters) =>
        string.Join(" ", parameters.Select(p => $"{p.Key}={p.Value:G4}"));

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
