using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using ChurnFunctions.Analytics.Backtest;
using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Runner;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.SelfHost.Commands;

public static class BacktestCommand
{
    public static Command Create()
    {
        var transactions = new Option<FileInfo>("--transactions") { Description = "The transaction file.", Required = true };
        var format = new Option<string>("--format") { Description = "cdnow (default) or csv.", DefaultValueFactory = _ => "cdnow" };
        format.AcceptOnlyFromAmong("cdnow", "csv");
        var calibrationEnd = new Option<string>("--calibration-end") { Description = "Last calibration day, yyyy-MM-dd.", Required = true };
        var observationEnd = new Option<string>("--observation-end") { Description = "Last holdout day, yyyy-MM-dd.", Required = true };
        var campaign = new Option<FileInfo?>("--campaign") { Description = "A campaign rule (JSON: name, aliveBelow, minRepeatPurchases, checkEveryDays, valueHorizonWeeks) to replay on the holdout." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write backtest.html and backtest.json.", DefaultValueFactory = _ => new DirectoryInfo("backtest") };
        var threshold = new Option<double?>("--alive-threshold") { Description = "Churn when P(alive) is below this; default the configured Analytics__Churn__AliveThreshold." };
        var command = new Command("backtest", "Fit the purchase models on a calibration period and score them, and a campaign rule, on the holdout.")
        {
            transactions, format, calibrationEnd, observationEnd, campaign, output, threshold,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(calibrationEnd)!, out var calibration) || !TryDate(parse.GetValue(observationEnd)!, out var observation) || observation <= calibration)
            {
                Console.Error.WriteLine("--calibration-end and --observation-end must be dates as yyyy-MM-dd, the observation end after the calibration end.");
                return 2;
            }

            try
            {
                var rule = parse.GetValue(campaign) is { } file ? ReadRule(file) : null;
                double alive;
                if (parse.GetValue(threshold) is { } given)
                {
                    alive = given;
                }
                else
                {
                    await using var app = ChurnHost.Build([]);
                    alive = app.Services.GetRequiredService<IOptions<ChurnOptions>>().Value.AliveThreshold;
                }

                var report = BacktestRunner.Run(
                    parse.GetValue(transactions)!.FullName, TransactionFileReader.ParseFormat(parse.GetValue(format)!), calibration, observation, ModelSet.BgNbd | ModelSet.ModifiedBgNbd | ModelSet.ParetoNbd, alive, rule);
                var directory = parse.GetValue(output)!;
                directory.Create();
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, "backtest.json"), BacktestDocuments.ToJson(report), ct);
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, "backtest.html"), BacktestDocuments.ToHtml(report), ct);
                foreach (var m in report.Models)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{m.Model,-7} holdout purchases expected {m.ExpectedHoldoutPurchases:F0} actual {m.ActualHoldoutPurchases}; AUC {m.Classification.Auc:F3} by P(alive), {m.Classification.AucByExpectedPurchases:F3} by expected purchases; precision {m.Classification.Precision:P1}, recall {m.Classification.Recall:P1} at P(alive) < {alive}"));
                }

                if (report.Campaign is { } c)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"campaign {c.Rule.Name}: {c.Contacted} contacted, {c.RevenueAtStake:F0} at stake"));
                }

                Console.WriteLine($"Wrote {Path.Combine(directory.FullName, "backtest.html")} and backtest.json.");
                return 0;
            }
            catch (Exception ex) when (ex is TransactionFileException or IOException or ArgumentException or JsonException or ValidationException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static CampaignRule ReadRule(FileInfo file)
    {
        var rule = JsonSerializer.Deserialize<CampaignRule>(File.ReadAllText(file.FullName), JsonSerializerOptions.Web)
            ?? throw new JsonException($"{file.Name} holds no campaign rule.");
        Validator.ValidateObject(rule, new ValidationContext(rule), validateAllProperties: true);
        return rule;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
