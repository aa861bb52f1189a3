using System.CommandLine;
using System.Globalization;
using ChurnFunctions.Analytics.Backtest;
using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Runner;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Backtest;
using ChurnFunctions.Core.Scoring;
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
        var campaign = new Option<FileInfo?>("--campaign") { Description = "A campaign definition, the JSON POST /api/campaigns takes, whose daily enrollment is replayed on the holdout." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write backtest.html and backtest.json.", DefaultValueFactory = _ => new DirectoryInfo("backtest") };
        var threshold = new Option<double?>("--alive-threshold") { Description = "Churn when P(alive) is below this; default the configured Analytics__Churn__AliveThreshold." };
        var command = new Command("backtest", "Fit the purchase models on a calibration period and score them, and a campaign definition's enrollment, on the holdout.")
        {
            transactions, format, calibrationEnd, observationEnd, campaign, output, threshold,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!TryDate(parse.GetValue(calibrationEnd)!, out var calibration) || !TryDate(parse.GetValue(observationEnd)!, out var observation) || observation <= calibration)
            {
                await error.WriteLineAsync("--calibration-end and --observation-end must be dates as yyyy-MM-dd, the observation end after the calibration end.");
                return 2;
            }

            CampaignDefinition? definition = null;
            if (parse.GetValue(campaign) is { } file)
            {
                try
                {
                    definition = CampaignDefinitionFile.Read(await File.ReadAllTextAsync(file.FullName, ct), out var errors);
                    if (errors is not null)
                    {
                        await error.WriteLineAsync($"{file.Name} is not a valid campaign definition:");
                        foreach (var (path, messages) in errors)
                        {
                            foreach (var message in messages)
                            {
                                await error.WriteLineAsync($"  {path}: {message}");
                            }
                        }

                        return 2;
                    }
                }
                catch (IOException ex)
                {
                    await error.WriteLineAsync(ex.Message);
                    return 2;
                }
            }

            try
            {
                await using var app = ChurnHost.Build([]);
                var alive = parse.GetValue(threshold) ?? app.Services.GetRequiredService<IOptions<ChurnOptions>>().Value.AliveThreshold;
                var replay = definition is null ? null : CampaignBacktester.For(definition, Settings(app.Services));
                var report = BacktestRunner.Run(
                    parse.GetValue(transactions)!.FullName, TransactionFileReader.ParseFormat(parse.GetValue(format)!), calibration, observation, ModelSet.BgNbd | ModelSet.ModifiedBgNbd | ModelSet.ParetoNbd, alive, replay);
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
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"campaign {c.CampaignId}: {c.Entries} entries ({c.Customers} customers), {c.RevenueAtStake:F0} at stake; bought again within {c.WindowDays} days untreated: treatment {Share(c.Treatment)}, holdout {Share(c.Holdout)}"));
                }

                Console.WriteLine($"Wrote {Path.Combine(directory.FullName, "backtest.html")} and backtest.json.");
                return 0;
            }
            catch (Exception ex) when (ex is TransactionFileException or IOException or ArgumentException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static CampaignBacktestSettings Settings(IServiceProvider services)
    {
        var analytics = services.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
        return new CampaignBacktestSettings(
            analytics.PurchaseModel,
            analytics.ExpectedPurchasesHorizonDays,
            new ScoreRules(
                services.GetRequiredService<IOptions<ChurnOptions>>().Value,
                services.GetRequiredService<IOptions<PartialChurnOptions>>().Value,
                services.GetRequiredService<IOptions<ValueTierOptions>>().Value));
    }

    private static string Share(CampaignOutcome outcome) =>
        outcome.Share is { } share ? string.Create(CultureInfo.InvariantCulture, $"{share:P1} of {outcome.Entries}") : "n/a (no entry with a full window)";

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
