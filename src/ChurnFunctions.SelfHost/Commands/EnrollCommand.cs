using System.CommandLine;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using Spectre.Console;

namespace ChurnFunctions.SelfHost.Commands;

public static class EnrollCommand
{
    private const int RowsShown = 50;

    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List who would enter which campaign and why; start nothing, send nothing." };
        var json = new Option<bool>("--json") { Description = "Print the whole result as JSON (every entry)." };
        var command = new Command("enroll", "Run the daily campaign enrollment now (a running `churn serve` carries the started campaigns out).") { dryRun, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = ChurnHost.Build([]);
            var report = await app.Services.GetRequiredService<CampaignEnrollmentJob>().RunAsync(parse.GetValue(dryRun), ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(CampaignJson.Write(report));
                return 0;
            }

            Print(report);
            return 0;
        });
        return command;
    }

    private static void Print(EnrollmentReport report)
    {
        if (report.Entries.Count > 0)
        {
            var table = new Table().AddColumns("Campaign", "Customer", "Group", "Why");
            foreach (var entry in report.Entries.Take(RowsShown))
            {
                table.AddRow(Markup.Escape(entry.CampaignId), Markup.Escape(entry.CustomerId), entry.Holdout ? "holdout" : "treatment", Markup.Escape(entry.Reason));
            }

            AnsiConsole.Write(table);
            if (report.Entries.Count > RowsShown)
            {
                AnsiConsole.MarkupLineInterpolated($"... and {report.Entries.Count - RowsShown:N0} more (--json lists every one).");
            }
        }

        if (report.DryRun)
        {
            AnsiConsole.MarkupLineInterpolated($"Dry run for {report.Day:yyyy-MM-dd}: [bold]{report.Entries.Count:N0}[/] would enter {report.Campaigns} campaigns ({report.Customers:N0} customers read); nothing started or sent.");
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"Enrolled [bold]{report.Entries.Count:N0}[/] into {report.Campaigns} campaigns on {report.Day:yyyy-MM-dd} ({report.Customers:N0} customers read).");
    }
}
