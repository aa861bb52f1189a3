using System.CommandLine;
using System.Globalization;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Runner;

namespace ChurnFunctions.SelfHost.Commands;

public static class FitCommand
{
    public static Command Create()
    {
        var transactions = new Option<FileInfo>("--transactions") { Description = "The transaction file.", Required = true };
        var format = new Option<string>("--format") { Description = "cdnow or csv.", Required = true };
        format.AcceptOnlyFromAmong("cdnow", "csv");
        var calibrationEnd = new Option<string>("--calibration-end") { Description = "Last calibration day, yyyy-MM-dd.", Required = true };
        var observationEnd = new Option<string>("--observation-end") { Description = "Last holdout day, yyyy-MM-dd.", Required = true };
        var model = new Option<string>("--model") { Description = "bgnbd, pareto, gg, mbgnbd or all.", DefaultValueFactory = _ => "all" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("fit", "Fit the customer-base models to a file and compare them on the holdout period.")
        {
            transactions, format, calibrationEnd, observationEnd, model, json,
        };
        command.SetAction(parse =>
        {
            if (!TryDate(parse.GetValue(calibrationEnd)!, out var calibration) || !TryDate(parse.GetValue(observationEnd)!, out var observation))
            {
                Console.Error.WriteLine("--calibration-end and --observation-end must be dates as yyyy-MM-dd.");
                return 2;
            }

            try
            {
                var report = new FitRunner().Run(parse.GetValue(transactions)!.FullName, parse.GetValue(format)!, calibration, observation, parse.GetValue(model)!);
                Console.WriteLine(parse.GetValue(json) ? report.ToJson() : report.ToText());
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

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
