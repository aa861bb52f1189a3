using System.Text.Json;
using ChurnFunctions.Analytics.Tests.Cdnow;
using ChurnFunctions.Fit;

namespace ChurnFunctions.Analytics.Tests.Runner;

public sealed class FitCliTests
{
    [Fact]
    public void Churn_fit_prints_the_cdnow_report_as_json()
    {
        var (code, output, error) = Run("--transactions", CdnowFile.Path, "--format", "cdnow",
            "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30", "--model", "bgnbd", "--json");

        Assert.Equal((0, ""), (code, error));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(23_570, json.RootElement.GetProperty("customers").GetInt32());
        var model = Assert.Single(json.RootElement.GetProperty("models").EnumerateArray());
        Assert.Equal(0.2516, model.GetProperty("parameters").GetProperty("r").GetDouble(), 4);
    }

    [Fact]
    public void Churn_fit_without_a_required_option_names_it_and_exits_2()
    {
        var (code, _, error) = Run("--transactions", CdnowFile.Path, "--format", "cdnow", "--calibration-end", "1997-09-30");

        Assert.Equal(2, code);
        Assert.Contains("--observation-end", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Churn_fit_refuses_a_date_that_is_not_yyyy_mm_dd()
    {
        var (code, _, error) = Run("--transactions", CdnowFile.Path, "--format", "cdnow",
            "--calibration-end", "30/09/1997", "--observation-end", "1998-06-30");

        Assert.Equal(2, code);
        Assert.Contains("yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Churn_fit_reports_a_missing_file_and_exits_1()
    {
        var (code, _, error) = Run("--transactions", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt"), "--format", "cdnow",
            "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30");

        Assert.Equal(1, code);
        Assert.NotEqual("", error);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = FitCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
