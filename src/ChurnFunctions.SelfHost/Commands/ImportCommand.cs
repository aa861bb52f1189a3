using System.CommandLine;
using ChurnFunctions.Core.Ingest;
using Spectre.Console;

namespace ChurnFunctions.SelfHost.Commands;

public static class ImportCommand
{
    private const int MaxReasonsShown = 20;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to import." };
        var format = new Option<string>("--format") { Description = "csv, cdnow or pos-json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "cdnow", "pos-json");
        var mode = new Option<string>("--mode")
        {
            Description = "bulk: group the rows by buyer and store several buyers at once (the default); envelopes: "
                + "store the file in queue-sized envelopes one after another, as the queue handler would.",
            DefaultValueFactory = _ => "bulk",
        };
        mode.AcceptOnlyFromAmong("bulk", "envelopes");
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Buyers (bulk) or envelopes stored at once.",
            DefaultValueFactory = _ => 32,
        };
        var command = new Command("import", "Store a file through the ingest rules and print, once every row is stored, what became of them.")
        {
            file, format, mode, parallelism,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {path.FullName}");
                return 2;
            }

            // The summary counts duplicates and refusals: a log line per row would bury it (a re-import printed 139,318).
            await using var app = ChurnHost.Build([], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
            Func<string, ImportFormat, IProgress<ImportProgress>, int, CancellationToken, Task<ImportSummary>> import =
                parse.GetValue(mode) == "envelopes"
                    ? app.Services.GetRequiredService<FileImporter>().ImportAsync
                    : app.Services.GetRequiredService<BulkFileImporter>().ImportAsync;
            var importFormat = parse.GetValue(format) switch
            {
                "csv" => ImportFormat.Csv,
                "cdnow" => ImportFormat.Cdnow,
                _ => ImportFormat.PosJson,
            };
            var summary = await ImportWithProgressAsync(import, path, importFormat, parse.GetValue(parallelism), ct);
            PrintSummary(summary);
            return summary.Rejected == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<ImportSummary> ImportWithProgressAsync(
        Func<string, ImportFormat, IProgress<ImportProgress>, int, CancellationToken, Task<ImportSummary>> import,
        FileInfo file, ImportFormat format, int parallelism, CancellationToken ct)
    {
        // One quick pass to count lines gives the bar a true end.
        var totalLines = File.ReadLines(file.FullName).LongCount();
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {file.Name}", maxValue: Math.Max(1, totalLines));
                var progress = new Progress<ImportProgress>(p => task.Value = p.RowsRead);
                var summary = await import(file.FullName, format, progress, parallelism, ct);
                task.Value = task.MaxValue;
                return summary;
            });
    }

    private static void PrintSummary(ImportSummary summary)
    {
        var table = new Table().AddColumn("rows read").AddColumn("stored").AddColumn("duplicates skipped").AddColumn("refused").AddColumn("seconds");
        table.AddRow(
            summary.Rows.ToString("N0"), summary.Accepted.ToString("N0"), summary.Duplicates.ToString("N0"),
            summary.Rejected.ToString("N0"), summary.Elapsed.TotalSeconds.ToString("F1"));
        AnsiConsole.Write(table);
        foreach (var reason in summary.RejectionReasons.Take(MaxReasonsShown))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]refused[/] {reason}");
        }

        if (summary.RejectionReasons.Count > MaxReasonsShown)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]refused[/] ... {summary.RejectionReasons.Count - MaxReasonsShown} more reasons not shown");
        }
    }
}
