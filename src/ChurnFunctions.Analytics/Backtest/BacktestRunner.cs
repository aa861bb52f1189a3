using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Analytics.Runner;

namespace ChurnFunctions.Analytics.Backtest;

/// <summary>
/// Fits each purchase model on the calibration period of a transaction file, as `churn fit` does, and scores it on
/// the holdout: expected against actual repeat purchases (in total, by calibration frequency, and week by week), and
/// P(alive) as a churn classifier against "did not buy in the holdout".
/// </summary>
public static class BacktestRunner
{
    private const int FrequencyCap = 7;

    public static BacktestReport Run(
        string transactionsPath, TransactionFileFormat format, DateOnly calibrationEnd, DateOnly observationEnd, ModelSet models,
        double aliveThreshold, CampaignReplay? campaign = null)
    {
        if (observationEnd <= calibrationEnd) throw new ArgumentException("Observation end must follow calibration end.", nameof(observationEnd));
        var history = TransactionFileReader.Read(transactionsPath, format);
        var summary = CustomerSummaryBuilder.FromHistory(history, calibrationEnd, observationEnd);
        if (summary.Count == 0) throw new InvalidOperationException($"No customer purchased on or before {calibrationEnd:yyyy-MM-dd}.");

        var groups = FrequencyGroups.From(summary);
        var fitted = new List<IPurchaseModel>();
        if (models.HasFlag(ModelSet.BgNbd)) fitted.Add(BgNbdFitter.Fit(groups));
        if (models.HasFlag(ModelSet.ModifiedBgNbd)) fitted.Add(ModifiedBgNbdFitter.Fit(groups));
        if (models.HasFlag(ModelSet.ParetoNbd)) fitted.Add(ParetoNbdFitter.Fit(groups));
        if (fitted.Count == 0) throw new ArgumentException("Choose at least one purchase model (bgnbd, mbgnbd, pareto).", nameof(models));

        var weekly = WeeklyActual(history, summary, calibrationEnd, observationEnd);
        var results = fitted.Select(m => Evaluate(m, summary, weekly, calibrationEnd, aliveThreshold)).ToList();
        var campaignResult = campaign?.Invoke(history, summary, fitted);
        return new BacktestReport(
            transactionsPath, calibrationEnd, observationEnd, summary.Count, weekly.Length, summary.HoldoutPurchases!.Sum(), aliveThreshold, results, campaignResult);
    }

    private static ModelBacktest Evaluate(IPurchaseModel model, CustomerSummary summary, int[] weeklyActual, DateOnly calibrationEnd, double aliveThreshold)
    {
        var n = summary.Count;
        var weeks = weeklyActual.Length;
        var horizon = summary.HoldoutLength;
        var alive = new double[n];
        var expected = new double[n];
        var perWeek = new double[n * weeks];
        Parallel.For(0, n, i =>
        {
            int x = summary.Frequency[i];
            double tx = summary.Recency(i), t = summary.Age(i);
            alive[i] = model.ProbabilityAlive(x, tx, t);
            expected[i] = alive[i] * model.ExpectedPurchasesIfAlive(horizon, x, t);
            for (var w = 0; w < weeks; w++)
            {
                perWeek[i * weeks + w] = alive[i] * model.ExpectedPurchasesIfAlive(Math.Min(w + 1, horizon), x, t);
            }
        });

        var actual = summary.HoldoutPurchases!;
        var tracking = new List<TrackingPoint>(weeks);
        var cumulative = 0;
        for (var w = 0; w < weeks; w++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++) sum += perWeek[i * weeks + w];
            cumulative += weeklyActual[w];
            tracking.Add(new TrackingPoint(w + 1, calibrationEnd.AddDays(Math.Min(7 * (w + 1), (int)Math.Round(horizon * 7))), sum, cumulative));
        }

        var byFrequency = Enumerable.Range(0, FrequencyCap + 1).Select(f =>
        {
            var members = Enumerable.Range(0, n).Where(i => Math.Min(summary.Frequency[i], FrequencyCap) == f).ToList();
            return new FrequencyRow(f == FrequencyCap ? $"{FrequencyCap}+" : f.ToString(System.Globalization.CultureInfo.InvariantCulture),
                members.Count, members.Sum(i => expected[i]), members.Sum(i => actual[i]));
        }).ToList();

        return new ModelBacktest(model.Name, model.Parameters, expected.Sum(), actual.Sum(), byFrequency, tracking, Classify(alive, expected, actual, aliveThreshold));
    }

    private static ChurnClassification Classify(double[] alive, double[] expected, int[] actual, double threshold)
    {
        var churned = actual.Select(a => a == 0).ToArray();
        var risk = alive.Select(p => 1 - p).ToArray();
        int predicted = 0, truePositives = 0;
        for (var i = 0; i < alive.Length; i++)
        {
            if (alive[i] < threshold)
            {
                predicted++;
                if (churned[i]) truePositives++;
            }
        }

        var positives = churned.Count(c => c);
        var bins = Enumerable.Range(0, 10).Select(b =>
        {
            double low = b / 10.0, high = (b + 1) / 10.0;
            var members = Enumerable.Range(0, alive.Length).Where(i => alive[i] >= low && (alive[i] < high || (b == 9 && alive[i] <= 1))).ToList();
            return new CalibrationBin(low, high, members.Count,
                members.Count == 0 ? null : members.Average(i => alive[i]),
                members.Count == 0 ? null : members.Count(i => !churned[i]) / (double)members.Count);
        }).ToList();
        return new ChurnClassification(positives, predicted, truePositives,
            predicted == 0 ? null : truePositives / (double)predicted,
            positives == 0 ? null : truePositives / (double)positives,
            ClassificationMetrics.Auc(risk, churned), ClassificationMetrics.Auc(expected.Select(e => -e).ToArray(), churned), bins);
    }

    // Actual repeat purchase days per holdout week, over the summary's customers (first purchase by calibration end).
    private static int[] WeeklyActual(PurchaseHistory history, CustomerSummary summary, DateOnly calibrationEnd, DateOnly observationEnd)
    {
        int calEnd = calibrationEnd.DayNumber, obsEnd = observationEnd.DayNumber;
        var weeks = (obsEnd - calEnd + 6) / 7;
        var counts = new int[weeks];
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            if (days.Length == 0 || days[0] > calEnd) continue;
            foreach (var day in days)
            {
                if (day > calEnd && day <= obsEnd) counts[(day - calEnd - 1) / 7]++;
            }
        }

        return counts;
    }
}
