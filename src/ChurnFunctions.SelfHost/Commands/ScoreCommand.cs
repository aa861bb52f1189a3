using System.CommandLine;
using System.Globalization;
using ChurnFunctions.Core.Scoring;
using Spectre.Console;

namespace ChurnFunctions.SelfHost.Commands;

public static class ScoreCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Last day to score (yyyy-MM-dd); default yesterday in the reporting time zone." };
        var command = new Command("score", "Run the nightly scoring now: scores, the day's metrics snapshot and alerts.") { asOf };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]--as-of must be a date as yyyy-MM-dd, not[/] {text}");
                    return 2;
                }

                day = parsed;
            }

            await using var app = ChurnHost.Build([]);
            var job = app.Services.GetRequiredService<ScoringJob>();
            var run = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(ScoringProgress.Reading, maxValue: 1);
                    task.IsIndeterminate = true;
                    var progress = new SynchronousProgress<ScoringProgress>(p =>
                    {
                        // Customers are counted before their total is known: the bar waits, the description counts.
                        task.Description = p.Total > 0 ? p.Phase : p.Done > 0 ? $"{p.Phase} ({p.Done:N0})" : p.Phase;
                        task.IsIndeterminate = p.Total == 0;
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Total == 0 ? 0 : p.Done;
                    });
                    var result = await job.RunAsync(day, progress, ct);
                    task.Description = "done";
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    return result;
                });
            AnsiConsole.MarkupLineInterpolated(
                $"Scored [bold]{run.Customers:N0}[/] customers as of {run.AsOf:yyyy-MM-dd} with {run.Model}; {run.AlertsRaised} new alerts; {run.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return command;
    }
}
