using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Spectre.Console;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>Progress lines while running, then the result tables and the two targets of the issue.</summary>
internal sealed class IngestReport
{
    private const double StoredTargetRatio = 0.9;
    private const double AckP99TargetMs = 50;
    private readonly IngestBenchOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IngestReport(IngestBenchOptions options)
    {
        _options = options;
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        }
    }

    public void Header() => AnsiConsole.MarkupLine(Markup.Escape(
        $"Ingest benchmark: {_options.Webhooks:N0} webhooks, {_options.Customers:N0} customers, {_options.Concurrency} senders; " +
        $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {LoadAverage()}; " +
        $"self-host in-process (Kestrel 127.0.0.1), Azurite in-memory; queues: batch {_options.QueueBatch}, new batch threshold {_options.QueueBatch / 2}, max polling 200 ms"));

    public void Step(string text) => AnsiConsole.MarkupLine($"[grey]{_clock.Elapsed:mm\\:ss} {Markup.Escape(text)} (load {LoadAverage()})[/]");

    /// <summary>The 1-minute load average on Linux: other work on the machine distorts every figure here.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public void Results(PipelineRun main, PipelineRun? paced, CeilingResult ceiling, CeilingResult? pipelineShaped, IReadOnlyList<(string Operation, long Calls, TimeSpan Total)>? split,
        IReadOnlyList<(string Operation, long Calls, TimeSpan Total)>? ceilingSplit)
    {
        var runs = new Table().Title("Pipeline: HTTP webhook -> queue -> handler -> table").Border(TableBorder.Rounded);
        foreach (var column in new[] { "run", "webhooks", "accepted/s", "stored/s", "ack p50", "ack p90", "ack p99", "ack max", "failed", "max queued msgs" })
        {
            runs.AddColumn(column == "run" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        }

        foreach (var run in paced is null ? [main] : new[] { main, paced })
        {
            runs.AddRow(
                Markup.Escape(run.Label),
                N(run.Drive.LatenciesMs.Length),
                F(run.Drive.AcceptedPerSecond),
                F(run.StoredPerSecond),
                Ms(run.Ack.P50),
                Ms(run.Ack.P90),
                Ms(run.Ack.P99),
                Ms(run.Ack.Max),
                Markup.Escape(run.Drive.Failed == 0 ? "0" : string.Join(" ", run.Drive.Failures.Select(f => $"{f.Key}x{f.Value}"))),
                N(run.Stored.MaxBacklog));
        }

        AnsiConsole.Write(runs);
        AnsiConsole.MarkupLine(Markup.Escape(
            "accepted/s = webhooks / send phase; stored/s = accepted / (first send -> last found stored, 100 ms polls); " +
            "ack = request sent -> 202 read (open loop: from the scheduled send time); queued msgs = ingest queue messages, each " +
            "holding one delivery or several that arrived while the queue puts were busy" +
            (paced is null ? "" : $"; paced sender lag max {paced.Drive.MaxDispatchLagMs:F1} ms") +
            $"; poisoned {(paced ?? main).Stored.Poisoned}"));

        var storage = new Table().Title("Storage ceiling: same Azurite, same StorageAccount, no ChurnFunctions code").Border(TableBorder.Rounded);
        foreach (var column in new[] { "work per webhook", "workers", "webhooks", "webhooks/s", "requests/s", "412 re-applied", "empty gets" })
        {
            storage.AddColumn(column == "work per webhook" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        }

        storage.AddRow(
            "queue put + get + delete, tx insert, aggregate get + If-Match replace",
            N(_options.Concurrency),
            N(ceiling.Webhooks),
            F(ceiling.WebhooksPerSecond),
            F(ceiling.RequestsPerSecond),
            N(ceiling.Conflicts),
            N(ceiling.EmptyReceives));
        if (pipelineShaped is not null)
        {
            storage.AddRow(
                "[grey](diagnostic) the pipeline's requests for a returning buyer, one delivery per message: queue put + get + delete, aggregate get, tx + aggregate in one batch, order-index upsert[/]",
                N(_options.Concurrency),
                N(pipelineShaped.Webhooks),
                F(pipelineShaped.WebhooksPerSecond),
                F(pipelineShaped.RequestsPerSecond),
                N(pipelineShaped.Conflicts),
                N(pipelineShaped.EmptyReceives));
        }

        AnsiConsole.Write(storage);

        var targets = new Table().Title("Targets").Border(TableBorder.Rounded).AddColumn("target").AddColumn("measured").AddColumn("result");
        var ratio = main.StoredPerSecond / ceiling.WebhooksPerSecond;
        targets.AddRow(
            $"stored/s >= {StoredTargetRatio:P0} of the ceiling",
            Markup.Escape($"{main.StoredPerSecond:F0} / {ceiling.WebhooksPerSecond:F0} = {ratio:P0}"),
            Verdict(ratio >= StoredTargetRatio));
        if (paced is not null)
        {
            targets.AddRow(
                "ack p99 < 50 ms at the measured rate (paced run)",
                Markup.Escape($"{paced.Ack.P99:F1} ms at {paced.Drive.AcceptedPerSecond:F0}/s offered, {paced.StoredPerSecond:F0}/s stored"),
                Verdict(paced.Ack.P99 < AckP99TargetMs));
        }

        targets.AddRow(
            Markup.Escape($"(reference) ack p99 of the main run ({main.Label})"),
            Markup.Escape($"{main.Ack.P99:F1} ms at {main.Drive.AcceptedPerSecond:F0}/s"),
            "[grey]not the target[/]");
        AnsiConsole.Write(targets);

        if (split is not null)
        {
            Split("Handler storage calls during the main run (--split)", split, main.Drive.Accepted);
        }

        if (ceilingSplit is not null)
        {
            Split("Ceiling requests (--split)", ceilingSplit, ceiling.Webhooks);
        }
    }

    private static void Split(string title, IReadOnlyList<(string Operation, long Calls, TimeSpan Total)> split, int webhooks)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded)
            .AddColumn("port call").AddColumn(new TableColumn("calls").RightAligned()).AddColumn(new TableColumn("per webhook").RightAligned())
            .AddColumn(new TableColumn("mean ms").RightAligned()).AddColumn(new TableColumn("ms per webhook").RightAligned());
        foreach (var (operation, calls, total) in split)
        {
            table.AddRow(Markup.Escape(operation), N(calls), (calls / (double)webhooks).ToString("F2", CultureInfo.InvariantCulture),
                Ms(total.TotalMilliseconds / calls), Ms(total.TotalMilliseconds / webhooks));
        }

        var sum = split.Sum(s => s.Total.TotalMilliseconds);
        table.AddRow("[bold]total (sequential per webhook)[/]", N(split.Sum(s => s.Calls)),
            (split.Sum(s => s.Calls) / (double)webhooks).ToString("F2", CultureInfo.InvariantCulture), "", Ms(sum / webhooks));
        AnsiConsole.Write(table);
    }

    private static string Verdict(bool met) => met ? "[green]met[/]" : "[red]NOT met[/]";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
