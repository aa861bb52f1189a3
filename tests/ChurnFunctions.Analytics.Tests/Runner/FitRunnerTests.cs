using System.Text.Json;
using ChurnFunctions.Analytics.Runner;
using ChurnFunctions.Analytics.Tests.Cdnow;
using Xunit.Abstractions;

namespace ChurnFunctions.Analytics.Tests.Runner;

public sealed class FitRunnerTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_run_on_cdnow_reports_every_model_with_its_holdout_comparison()
    {
        var report = new FitRunner().Run(CdnowFile.Path, "cdnow", CdnowFixture.CalibrationEnd, CdnowFixture.ObservationEnd, "all");
        output.WriteLine(report.ToText());

        Assert.Equal(23_570, report.Customers);
        Assert.Equal(19_684, report.ActualHoldoutPurchases);
        Assert.Equal(["bgnbd", "mbgnbd", "pareto", "gg"], report.Models.Select(m => m.Model));
        var bg = report.Models[0];
        Assert.Equal(["r", "alpha", "a", "b"], bg.Parameters.Keys);
        Assert.Equal(19_684, bg.Holdout!.ActualPurchases);
        Assert.InRange(bg.Holdout.ExpectedPurchases, 15_000, 25_000);
        Assert.Equal(["r", "alpha", "s", "beta"], report.Models[2].Parameters.Keys);
        Assert.Equal(["p", "q", "gamma"], report.Models[3].Parameters.Keys);
        Assert.Null(report.Models[3].Holdout);
        Assert.All(report.Models, m => Assert.True(m.Converged));
        Assert.Contains(report.DefaultModel, new[] { "bgnbd", "mbgnbd", "pareto" });
        Assert.Contains("19,684", report.ToText());
    }

    [Fact]
    public void Json_report_round_trips_the_parameters_by_name()
    {
        var report = new FitRunner().Run(CdnowFile.Path, "cdnow", CdnowFixture.CalibrationEnd, CdnowFixture.ObservationEnd, "bgnbd");

        using var json = JsonDocument.Parse(report.ToJson());

        var model = json.RootElement.GetProperty("models")[0];
        Assert.Equal("bgnbd", model.GetProperty("model").GetString());
        Assert.Equal(0.2516, model.GetProperty("parameters").GetProperty("r").GetDouble(), 4);
        Assert.Equal(19_684, json.RootElement.GetProperty("actualHoldoutPurchases").GetInt32());
        Assert.Equal("1997-09-30", json.RootElement.GetProperty("calibrationEnd").GetString());
    }

    [Fact]
    public void Csv_without_amounts_skips_the_spend_model_and_says_so()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "customer_id,date\n1,2024-01-01\n1,2024-01-20\n1,2024-02-15\n2,2024-01-05\n2,2024-03-01\n3,2024-01-10\n1,2024-04-02\n3,2024-04-10\n");

            var report = new FitRunner().Run(path, "csv", new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 30), "bgnbd,gg");

            Assert.Equal(["bgnbd"], report.Models.Select(m => m.Model));
            Assert.Contains(report.Notes, n => n.Contains("no amount column", StringComparison.Ordinal));
            Assert.Equal(2, report.ActualHoldoutPurchases);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_model_or_format_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ModelSetParser.Parse("bgnbd,foo"));
        Assert.Throws<ArgumentException>(() => new FitRunner().Run(CdnowFile.Path, "xlsx", CdnowFixture.CalibrationEnd, CdnowFixture.ObservationEnd, "all"));
    }
}
