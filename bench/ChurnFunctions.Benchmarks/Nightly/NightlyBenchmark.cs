using System.Diagnostics;
using System.Globalization;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.SelfHost;
using ChurnFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Benchmarks.Nightly;

/// <summary>
/// The nightly jobs end to end on a real Azurite: for each customer count a fresh Azurite (on disk, as
/// scripts/start-local.sh runs it, unless --in-memory) is seeded straight through the customer store, then the
/// scoring job and the campaign enrollment pass run as the hosts run them (resolved from `churn serve`'s own service
/// registration, hosted services not started), each timed. --cdnow seeds the CDNOW file the same way instead.
/// </summary>
internal static class NightlyBenchmark
{
    public static int Run(string[] args)
    {
        NightlyBenchOptions options;
        try
        {
            options = NightlyBenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: ChurnFunctions.Benchmarks " + NightlyBenchOptions.Usage);
            return 2;
        }

        return RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(NightlyBenchOptions options)
    {
        Console.WriteLine($"nightly: Azurite {(options.InMemory ? "in memory" : "on disk")}, load average {LoadAverage()}, {Environment.ProcessorCount} cores");
        var results = new List<(string Label, int Customers, TimeSpan Scoring, TimeSpan Enrollment, int Started, TimeSpan Starts)>();
        foreach (var n in options.Customers)
        {
            results.Add(await RunOnceAsync($"synthetic {n:N0}", options, host => SyntheticCustomers.Draw(n, options.Seed, options.Categories), SyntheticCustomers.AsOf));
        }

        if (options.Cdnow is { } path)
        {
            results.Add(await RunOnceAsync("CDNOW", options, host =>
                CdnowCustomers.Read(path, host.Services.GetRequiredService<SourceNormalizerRegistry>().Get(SourceNames.Cdnow), DateTimeOffset.UtcNow),
                new DateOnly(1998, 6, 30)));
        }

        Console.WriteLine();
        Console.WriteLine("| Data | Customers | Scoring | Enrollment pass (entered) | Both | customers/s | 1M customers at that rate | Starts run by the runner |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var both = r.Scoring + r.Enrollment;
            var rate = r.Customers / both.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Label} | {r.Customers:N0} | {r.Scoring.TotalSeconds:F1} s | {r.Enrollment.TotalSeconds:F1} s ({r.Started:N0}) | {both.TotalSeconds:F1} s | {rate:N0} | {1_000_000 / rate / 60:F1} min | {r.Starts.TotalSeconds:F1} s |"));
        }

        return 0;
    }

    /// <summary>
    /// Takes the start batches off "campaign-wakeups" and hands them to the runner, 32 at a time and 4 side by side,
    /// until the queue shows nothing more (the wait steps' wake-ups stay invisible for a day).
    /// </summary>
    private static async Task<(int Messages, int Starts)> DrainStartsAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<IMessageQueueFactory>().Get(Core.Triggers.Triggers.CampaignWakeUpsQueue);
        var runner = services.GetRequiredService<CampaignRunner>();
        var (messages, starts) = (0, 0);
        while (await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None) is { Count: > 0 } received)
        {
            await Parallel.ForEachAsync(received, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (message, ct) =>
            {
                if (StartBatchMessage.TryParse(message.Text) is { } batch)
                {
                    await runner.HandleStartsAsync(batch, ct);
                    Interlocked.Add(ref starts, batch.Starts.Count);
                }
                else
                {
                    await runner.HandleWakeUpAsync(WakeUpMessage.Parse(message.Text), ct);
                }

                await queue.DeleteAsync(message, ct);
                Interlocked.Increment(ref messages);
            });
        }

        return (messages, starts);
    }

    private static async Task<(string, int, TimeSpan, TimeSpan, int, TimeSpan)> RunOnceAsync(
        string label, NightlyBenchOptions options, Func<WebApplication, IEnumerable<SeedCustomer>> customers, DateOnly asOf)
    {
        Console.WriteLine();
        Console.WriteLine($"== {label}");
        using var azurite = options.InMemory ? new AzuriteFixture() : new PersistentAzuriteFixture();
        await azurite.StartAsync();
        await using var app = ChurnHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);

            // The enrollment's own counts and timings, as the host logs them.
            builder.Logging.AddFilter("ChurnFunctions.Core.Campaigns.Enrollment", LogLevel.Information);
        });
        var services = app.Services;

        var seed = Stopwatch.StartNew();
        var written = await StoreSeeder.SeedAsync(
            services.GetRequiredService<ICustomerStore>(), customers(app), TimeProvider.System, done => Console.WriteLine($"  seeded {done:N0} customers, {seed.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine($"seed (not timed as a job): {written:N0} customers through the customer store in {seed.Elapsed.TotalSeconds:F1} s");
        await DefineCampaignsAsync(services.GetRequiredService<ICampaignDefinitionStore>());

        var scoring = Stopwatch.StartNew();
        var run = await services.GetRequiredService<ScoringJob>().RunAsync(asOf, new PhasePrinter(scoring), CancellationToken.None);
        scoring.Stop();
        Console.WriteLine($"scoring: {run.Customers:N0} customers as of {run.AsOf:yyyy-MM-dd} with {run.Model}, {run.AlertsRaised} alerts, {scoring.Elapsed.TotalSeconds:F1} s ({run.Customers / scoring.Elapsed.TotalSeconds:N0} customers/s)");

        var enrollment = Stopwatch.StartNew();
        var enrolled = await services.GetRequiredService<CampaignEnrollmentJob>().RunAsync(CancellationToken.None);
        enrollment.Stop();
        Console.WriteLine($"enrollment: {enrolled.Customers:N0} customers, {enrolled.Campaigns} campaigns, {enrolled.Started:N0} entered (queued to start), {enrollment.Elapsed.TotalSeconds:F1} s ({enrolled.Customers / enrollment.Elapsed.TotalSeconds:N0} customers/s)");

        if (!options.Starts)
        {
            return (label, written, scoring.Elapsed, enrollment.Elapsed, enrolled.Started, TimeSpan.Zero);
        }

        var drain = Stopwatch.StartNew();
        var (messages, starts) = await DrainStartsAsync(services);
        drain.Stop();
        Console.WriteLine($"starts: the runner inserted and started {starts:N0} instances from {messages:N0} queue messages in {drain.Elapsed.TotalSeconds:F1} s ({starts / Math.Max(drain.Elapsed.TotalSeconds, 0.001):N0} starts/s), as the self-host's queue listener would");
        return (label, written, scoring.Elapsed, enrollment.Elapsed, enrolled.Started, drain.Elapsed);
    }

    // Three common win-back triggers over the latest scores; a wait step only, so a start is the runner's own writes.
    private static async Task DefineCampaignsAsync(ICampaignDefinitionStore definitions)
    {
        CampaignTrigger[] triggers = [new AliveProbabilityBelowTrigger(0.3), new PartialChurnTrigger(), new SegmentEnteredTrigger("at-risk")];
        for (var i = 0; i < triggers.Length; i++)
        {
            await definitions.SaveAsync(new CampaignDefinition
            {
                Id = "bench-" + i.ToString(CultureInfo.InvariantCulture),
                Name = "bench " + i.ToString(CultureInfo.InvariantCulture),
                Trigger = triggers[i],
                Steps = [new WaitStep { Id = "w", Duration = TimeSpan.FromDays(1) }],
            }, CancellationToken.None);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>Prints each phase as it starts, and each slice of scores written, with the time since the job started.</summary>
    private sealed class PhasePrinter(Stopwatch job) : IProgress<ScoringProgress>
    {
        private string? _phase;

        public void Report(ScoringProgress value)
        {
            if (value.Phase != _phase || (value.Phase == ScoringProgress.Writing && value.Done > 0))
            {
                _phase = value.Phase;
                Console.WriteLine($"  {job.Elapsed.TotalSeconds,6:F1} s  {value.Phase} {value.Done:N0}{(value.Total > 0 ? $" of {value.Total:N0}" : "")}");
            }
        }
    }
}
