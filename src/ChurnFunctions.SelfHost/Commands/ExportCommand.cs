using System.CommandLine;
using ChurnFunctions.Api.Exports;
using ChurnFunctions.Core.Exports;
using Spectre.Console;

namespace ChurnFunctions.SelfHost.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "customers, scores, segments, metrics or transactions." };
        what.AcceptOnlyFromAmong([.. AnalystExports.Kinds]);
        var format = new Option<string>("--format") { Description = "csv (default) or parquet.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var output = new Option<FileInfo?>("--out") { Description = "The file to write; default <what>.<format> in the current directory." };
        var command = new Command("export", "Write an analyst export (the same file GET /api/export/{what} serves) from storage.") { what, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var fileFormat = parse.GetValue(format) == "parquet" ? ExportFormat.Parquet : ExportFormat.Csv;
            var kind = parse.GetValue(what)!;
            var file = parse.GetValue(output) ?? new FileInfo($"{kind}.{ExportFormats.Extension(fileFormat)}");

            await using var app = ChurnHost.Build([]);
            var table = app.Services.GetRequiredService<AnalystExports>().Open(kind, ct)!;
            // Written beside the target and moved over it when complete: an interrupted export leaves no half file.
            var partial = file.FullName + ".partial";
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await ExportFormats.WriteAsync(fileFormat, table, stream, ct);
            }

            File.Move(partial, file.FullName, overwrite: true);
            AnsiConsole.MarkupLineInterpolated($"Wrote {kind} to [bold]{file.FullName}[/] ({new FileInfo(file.FullName).Length:N0} bytes).");
            return 0;
        });
        return command;
    }
}
