using System.CommandLine;
using ChurnFunctions.Core.Ingest;
using Spectre.Console;

namespace ChurnFunctions.SelfHost.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to import." };
        var format = new Option<string>("--format") { Description = "csv, cdnow or pos-json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "cdnow", "pos-json");
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Envelopes processed at once.",
            DefaultValueFactory = _ => 8,
        };
        var command = new Command("import", "Send a file through the ingest path and print what became of every row.") { file, format, parallelism };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {path.FullName}");
                return 2;
            }

            await using var app = ChurnHost.Build([]);
            var importer = app.Services.GetRequiredService<FileImporter>();
            var importFormat = parse.GetValue(format) switch
            {
                "csv" => ImportFormat.Csv,
                "cdnow" => ImportFormat.Cdnow,
                _ => ImportFormat.PosJson,
            };
            var summary = await ImportWithProgressAsync(importer, path, importFormat, parse.GetValue(parallelism), ct);
            PrintSummary(summary);
            return summary.Rejected == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<ImportSummary> ImportWithProgressAsync(
        FileImporter importer, FileInfo file, ImportFormat format, int parallelism, CancellationToken ct)
    {
        // One quick pass to count lines gives the bar a true end.
        var totalLines = File.ReadLines(file.FullName).LongCount();
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {file.Name}", maxValue: Math.Max(1, totalLines));
                var progress = new Progress<ImportProgress>(p => task.Value = p.RowsRead);
                var summary = await importer.ImportAsync(file.FullName, format, progress, parallelism, ct);
                task.Value = task.MaxValue;
                return summary;
            });
    }

    private static void PrintSummary(ImportSummary summary)
    {
        var table = new Table().AddColumn("rows").AddColumn("accepted").AddColumn("duplicates").AddColumn("rejected").AddColumn("seconds");
        table.AddRow(
            summary.Rows.ToString("N0"), summary.Accepted.ToString("N0"), summary.Duplicates.ToString("N0"),
            summary.Rejected.ToString("N0"), summary.Elapsed.TotalSeconds.ToString("F1"));
        AnsiConsole.Write(table);
        foreach (var reason in summary.RejectionReasons)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]rejected[/] {reason}");
        }
    }
}
