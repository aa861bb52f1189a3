using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.SelfHost.Demo;
using Spectre.Console;

namespace ChurnFunctions.SelfHost.Commands;

public static class DemoCommand
{
    /// <summary>Buyers replayed by default: the whole CDNOW file scored weekly takes far longer than a first look should.</summary>
    public const int DefaultSample = 500;

    public static Command Create()
    {
        var transactions = new Option<FileInfo?>("--transactions")
        {
            Description = "The file to replay; default ../shared/data/cdnow/CDNOW_master.txt beside the repository.",
        };
        var format = new Option<string>("--format")
        {
            Description = "cdnow or csv; default csv for a .csv file, else cdnow.",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "cdnow", "csv");
        var sample = new Option<string>("--sample")
        {
            Description = $"About how many buyers to replay (every k-th in file order), or all. Default {DefaultSample}.",
            DefaultValueFactory = _ => DefaultSample.ToString(CultureInfo.InvariantCulture),
        };
        var step = new Option<string>("--step")
        {
            Description = "How often the nightly scoring runs in simulated time: week (default) or day. Enrollment runs every simulated day.",
            DefaultValueFactory = _ => "week",
        };
        step.AcceptOnlyFromAmong("week", "day");
        var port = new Option<int>("--port") { Description = "Where the demo server listens.", DefaultValueFactory = _ => 7071 };
        var storage = new Option<string?>("--storage")
        {
            Description = "A storage connection string to use instead of a fresh in-memory Azurite (the demo writes its data there).",
        };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the summary instead of serving the dashboard until Ctrl+C." };
        var command = new Command(
            "demo",
            "Replay a transaction file on a simulated clock through ingest, the nightly jobs and two campaigns, then serve the dashboard.")
        {
            transactions, format, sample, step, port, storage, noServe,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = RepositoryFolder.Find();
            var file = parse.GetValue(transactions) ?? new FileInfo(RepositoryFolder.DefaultTransactions(root));
            if (!file.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {file.FullName}");
                AnsiConsole.MarkupLine("Pass one with --transactions (CDNOW or CSV as `churn import` reads it); the README says where to get CDNOW_master.txt.");
                return 2;
            }

            int? buyers = null;
            if (parse.GetValue(sample) is { } text && text != "all")
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]--sample takes a number of buyers from 1 or all, not[/] {text}");
                    return 2;
                }

                buyers = n;
            }

            var listen = parse.GetValue(port);
            var url = $"http://127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}";
            switch (await PortProbe.ProbeAsync(listen, ct))
            {
                case PortState.ChurnServer:
                    AnsiConsole.MarkupLineInterpolated($"A ChurnFunctions server is already running on {url}: its dashboard is {url}/ and nothing was started.");
                    AnsiConsole.MarkupLine("Stop it first for a fresh demo (`kill $(cat .azurite/churn.pid)` if scripts/start-local.sh started it), or pass --port.");
                    return 3;
                case PortState.OtherProgram:
                    AnsiConsole.MarkupLineInterpolated($"[red]Port {listen} is taken by another program.[/] Pass --port.");
                    return 3;
            }

            var importFormat = parse.GetValue(format) switch
            {
                "csv" => ImportFormat.Csv,
                "cdnow" => ImportFormat.Cdnow,
                _ => file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Csv : ImportFormat.Cdnow,
            };
            await using var azurite = parse.GetValue(storage) is null ? await StartAzuriteAsync(root, ct) : null;
            if (parse.GetValue(storage) is null && azurite is null)
            {
                return 2;
            }

            var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
            var demo = DemoHost.Build(url, parse.GetValue(storage) ?? azurite!.ConnectionString, key, DateTimeOffset.UnixEpoch);
            await using var app = demo.App;
            var data = DemoTransactions.Read(
                app.Services.GetRequiredService<FileEnvelopeReader>(), app.Services.GetRequiredService<SourceNormalizerRegistry>(),
                file.FullName, importFormat, buyers);
            if (data.Days.Count == 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{file.Name} holds no transaction to replay[/] ({data.RowsRefused:N0} rows refused).");
                return 1;
            }

            demo.Clock.AdvanceTo(DemoDriver.StartOf(data));
            await app.StartAsync(ct);
            AnsiConsole.MarkupLineInterpolated(
                $"Replaying [bold]{data.Rows:N0}[/] rows of {data.BuyersKept:N0} of {data.Buyers:N0} buyers from {file.Name} ({data.Days[0].Day:yyyy-MM-dd} to {data.Days[^1].Day:yyyy-MM-dd}), scoring every simulated {parse.GetValue(step)}; server on {url}");
            if (data.RowsRefused > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{data.RowsRefused:N0} rows refused[/] (`churn import` lists why).");
            }

            var progress = new SynchronousProgress<DemoProgress>(p => AnsiConsole.MarkupLineInterpolated(
                $"{p.Day:yyyy-MM-dd}  rows {p.RowsStored:N0}/{p.RowsTotal:N0}  customers {p.Customers:N0}  churn {Percent(p.ChurnRate)}  entered {p.Entered:N0}  wake-ups {p.WakeUpsDelivered:N0}"));
            DemoSummary summary;
            try
            {
                summary = await demo.Driver.RunAsync(data, parse.GetValue(step) == "day" ? 1 : 7, progress, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                AnsiConsole.MarkupLine("Stopped before the end of the replay; the demo's data goes with its Azurite.");
                return 130;
            }

            Print(summary, url, key);
            if (parse.GetValue(noServe))
            {
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated(
                $"Serving until Ctrl+C (the simulated clock stays at {summary.SimulatedNow:yyyy-MM-dd HH:mm} UTC); Ctrl+C also stops {(azurite is null ? "the server" : "the demo's Azurite and its data")}.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static async Task<LocalAzurite?> StartAzuriteAsync(string? root, CancellationToken cancellationToken)
    {
        if (root is null || LocalAzurite.ScriptUnder(root) is not { } script)
        {
            AnsiConsole.MarkupLine("[red]Azurite is not installed:[/] run `npm ci` in the repository (or pass --storage).");
            return null;
        }

        return await LocalAzurite.StartAsync(script, cancellationToken);
    }

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "-";

    private static void Print(DemoSummary summary, string url, string key)
    {
        var numbers = new Table().AddColumns("customers", "churn rate", "at risk", "entered campaigns", "messages sent", "replay seconds");
        var channels = summary.MessagesByChannel.Count == 0 ? "0" : string.Join(", ", summary.MessagesByChannel.Select(c => $"{c.Value:N0} {c.Key}"));
        numbers.AddRow(
            summary.Customers.ToString("N0", CultureInfo.InvariantCulture), Percent(summary.ChurnRate), summary.AtRisk.ToString("N0", CultureInfo.InvariantCulture),
            summary.Entered.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(channels), summary.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        AnsiConsole.MarkupLineInterpolated($"Scored as of {summary.ScoredAsOf:yyyy-MM-dd}; {summary.AlertMessages:N0} staff alerts in the outbox too.");
        AnsiConsole.Write(numbers);
        var campaigns = new Table().AddColumns("campaign", "entered (treatment / holdout)", "converted", "uplift so far");
        foreach (var report in summary.Campaigns)
        {
            campaigns.AddRow(
                Markup.Escape(report.CampaignId),
                $"{report.Treatment.Entered:N0} / {report.Holdout.Entered:N0}",
                $"{Percent(report.Uplift.TreatmentRate)} / {Percent(report.Uplift.HoldoutRate)}",
                Markup.Escape(Uplift(report)));
        }

        AnsiConsole.Write(campaigns);
        AnsiConsole.MarkupLine(
            "The replayed purchases are history: no message can change them, so this uplift shows how a campaign is measured against its holdout, not an effect.");
        var t = summary.Timings;
        AnsiConsole.MarkupLineInterpolated(
            $"Replay time: storing rows {t.Ingest.TotalSeconds:F0} s, scoring {t.Scoring.TotalSeconds:F0} s, enrollment {t.Enrollment.TotalSeconds:F0} s, campaign wake-ups {t.WakeUps.TotalSeconds:F0} s.");
        AnsiConsole.MarkupLineInterpolated($"Dashboard: [bold]{url}/[/]  sign in with the read key [bold]{key}[/] (this run only).");
    }

    private static string Uplift(CampaignReport report) => report.Uplift.AbsoluteUplift is { } uplift
        ? string.Create(CultureInfo.InvariantCulture, $"{uplift * 100:+0.0;-0.0} points (95% {report.Uplift.LowerBound * 100:0.0} to {report.Uplift.UpperBound * 100:0.0})")
        : "not yet (a group is empty)";
}
