using System.Globalization;
using ChurnFunctions.Analytics.Backtest;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Analytics.Runner;
using ChurnFunctions.Analytics.Tests.Cdnow;

namespace ChurnFunctions.Analytics.Tests.Backtest;

/// <summary>The backtest on CDNOW's classic split (calibration to 1997-09-30, holdout to 1998-06-30), run once.</summary>
public sealed class BacktestCdnowTests
{
    private static readonly DateOnly CalibrationEnd = new(1997, 9, 30);
    private static readonly DateOnly ObservationEnd = new(1998, 6, 30);

    private static readonly Lazy<BacktestReport> Report = new(() => BacktestRunner.Run(
        CdnowFile.Path, TransactionFileFormat.Cdnow, CalibrationEnd, ObservationEnd, ModelSet.BgNbd | ModelSet.ModifiedBgNbd | ModelSet.ParetoNbd, 0.3));

    [Fact]
    public void Actual_holdout_purchases_equal_a_count_from_the_raw_file()
    {
        // Independently of the reader: distinct (customer, day) after calibration end, of customers who bought by then.
        var days = File.ReadLines(CdnowFile.Path)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 4 && f[1].All(char.IsDigit))
            .Select(f => (Customer: f[0], Day: DateOnly.ParseExact(f[1], "yyyyMMdd", CultureInfo.InvariantCulture)))
            .Distinct()
            .GroupBy(p => p.Customer)
            .Where(g => g.Min(p => p.Day) <= CalibrationEnd)
            .ToList();
        var expected = days.Sum(g => g.Count(p => p.Day > CalibrationEnd && p.Day <= ObservationEnd));

        var report = Report.Value;

        Assert.Equal(days.Count, report.Customers);
        Assert.Equal(expected, report.ActualHoldoutPurchases);
        Assert.All(report.Models, m =>
        {
            Assert.Equal(expected, m.ActualHoldoutPurchases);
            Assert.Equal(expected, m.Tracking[^1].ActualCumulative);
            Assert.Equal(expected, m.ByFrequency.Sum(r => r.Actual));
            Assert.Equal(report.Customers, m.ByFrequency.Sum(r => r.Customers));
            Assert.Equal(report.Customers, m.Classification.Calibration.Sum(b => b.Customers));
        });
        Assert.Equal(39, report.HoldoutWeeks);
    }

    [Fact]
    public void Expected_holdout_purchases_agree_with_the_holdout_evaluator_and_the_tracking_curve_rises_to_them()
    {
        var report = Report.Value;
        var summary = CustomerSummaryBuilder.FromHistory(TransactionFileReader.Read(CdnowFile.Path, TransactionFileFormat.Cdnow), CalibrationEnd, ObservationEnd);
        var pareto = report.Models.Single(m => m.Model == "pareto");
        var refit = ParetoNbdFitter.Fit(FrequencyGroups.From(summary));

        Assert.Equal(HoldoutEvaluator.Evaluate(refit, summary).ExpectedPurchases, pareto.ExpectedHoldoutPurchases, 1e-6 * pareto.ExpectedHoldoutPurchases);
        foreach (var m in report.Models)
        {
            Assert.Equal(m.ExpectedHoldoutPurchases, m.Tracking[^1].ExpectedCumulative, 1e-6 * m.ExpectedHoldoutPurchases);
            Assert.Equal(m.ExpectedHoldoutPurchases, m.ByFrequency.Sum(r => r.Expected), 1e-6 * m.ExpectedHoldoutPurchases);
            Assert.All(m.Tracking.Zip(m.Tracking.Skip(1)), p => Assert.True(p.Second.ExpectedCumulative >= p.First.ExpectedCumulative && p.Second.ActualCumulative >= p.First.ActualCumulative));
            // Within 25% of what happened: the models' known fit on CDNOW, not a tautology.
            Assert.InRange(m.ExpectedHoldoutPurchases / m.ActualHoldoutPurchases, 0.75, 1.25);
        }
    }

    [Fact]
    public void Churn_classification_ranks_better_than_chance_and_its_counts_are_consistent()
    {
        foreach (var m in Report.Value.Models)
        {
            var c = m.Classification;
            Assert.InRange(c.AucByExpectedPurchases, 0.5 + 1e-9, 1);
            if (m.Model != "bgnbd")
            {
                // BG/NBD puts P(alive) = 1 on everyone without a repeat purchase; the others rank by P(alive) too.
                Assert.InRange(c.Auc, 0.5 + 1e-9, 1);
            }

            Assert.InRange(c.TruePositives, 0, Math.Min(c.Churned, c.PredictedChurned));
            Assert.Equal((double)c.TruePositives / c.PredictedChurned, c.Precision!.Value, 12);
            Assert.Equal((double)c.TruePositives / c.Churned, c.Recall!.Value, 12);
        }
    }

    [Fact]
    public void Documents_are_json_that_reads_back_and_html_with_inline_svg_and_nothing_fetched()
    {
        var report = Report.Value;

        var json = BacktestDocuments.ToJson(report);
        var html = BacktestDocuments.ToHtml(report);

        var back = BacktestDocuments.FromJson(json);
        Assert.Equal(report.ActualHoldoutPurchases, back.ActualHoldoutPurchases);
        Assert.Equal(report.Models.Select(m => m.Model), back.Models.Select(m => m.Model));
        Assert.Equal(3, html.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(report.ActualHoldoutPurchases.ToString("N0", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }
}
