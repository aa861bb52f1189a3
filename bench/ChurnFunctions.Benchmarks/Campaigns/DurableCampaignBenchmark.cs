using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Functions.Tests.Durable.Hosting;
using ChurnFunctions.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>
/// `campaigns --durable`: the same workload (email, wait, SMS; same fakes and settings) through the Functions app's
/// CampaignOrchestrator and activities on Durable Task's Azure Storage backend over a fresh Azurite, the engine being
/// the Durable Task test host's gRPC sidecar in this process. Instances start through the app's CampaignStart function.
/// A step is the same as in the self-host run (email sent, wait elapsed, SMS sent): 3 per instance that completed with
/// both its sends accepted; the clock runs from the first start to the later of the last accepted send and the last
/// completion.
/// </summary>
internal static class DurableCampaignBenchmark
{
    public static async Task<int> RunAsync(CampaignBenchOptions options)
    {
        var report = new CampaignReport(options);
        Console.WriteLine();
        Console.WriteLine($"campaigns --durable: the Functions app's orchestrator on Durable Task Azure Storage (Azurite, {options.Partitions} partitions), same workload and fakes");
        using var azurite = new AzuriteFixture();
        await azurite.StartAsync();
        await using var sendGrid = await FakeSendGridServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        if (options.Faults > 0)
        {
            sendGrid.FailFraction(options.Faults, FakeSendGridFault.ServerError, options.Seed);
            twilio.FailFraction(options.Faults, FakeTwilioFault.ServerError, options.Seed + 1);
        }

        var settings = FakeProviderSettings.For(sendGrid, twilio, TimeSpan.FromSeconds(5));
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["Campaigns:DefaultTimeZone"] = "UTC";
        await using var app = AppServices.Build(settings);
        var workload = new CampaignWorkload(Guid.NewGuid().ToString("N")[..8], options.Instances, options.Wait, DateTimeOffset.UtcNow);
        await app.GetRequiredService<ICampaignDefinitionStore>().SaveAsync(workload.Definition, CancellationToken.None);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.StartConcurrency };
        var customers = app.GetRequiredService<ICustomerStore>();
        await Parallel.ForEachAsync(workload.Customers, parallel, async (c, ct) => await customers.SaveAsync(c, null, ct));
        report.Step($"{options.Instances} customers stored (not timed)");

        var backend = await AzureStorageBackend.CreateAsync(azurite.ConnectionString, AzureStorageBackend.NewTaskHubName("bench"), options.Partitions);
        await using var engine = await DurableTaskSidecar.StartAsync(backend, registry => AppDurableFunctions.Register(registry, app), concurrency: 32);
        var start = ActivatorUtilities.CreateInstance<CampaignStartFunction>(app);

        var began = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(workload.Customers, parallel, async (c, ct) =>
            await start.Run(JsonSerializer.Serialize(new CampaignStartMessage(workload.CampaignId, c.Id), CampaignJson.Options), engine.Client, ct));
        var startSeconds = clock.Elapsed.TotalSeconds;
        report.Step($"{options.Instances} orchestrations scheduled in {startSeconds:F1} s");

        var planned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Instances; i++)
        {
            planned.Add(workload.SendId(i, CampaignWorkload.EmailStep));
            planned.Add(workload.SendId(i, CampaignWorkload.SmsStep));
        }

        var accepted = await CampaignBenchmark.WaitForSendsAsync(sendGrid, twilio, planned, options.Timeout, clock, report);
        var completions = await ReadCompletionsAsync(engine.Client, workload, parallel, report);
        var completed = completions.Count(c => c is not null);
        var complete = Enumerable.Range(0, options.Instances).Count(i => completions[i] is not null
            && accepted.ContainsKey(workload.SendId(i, CampaignWorkload.EmailStep)) && accepted.ContainsKey(workload.SendId(i, CampaignWorkload.SmsStep)));
        var lastSend = accepted.Count > 0 ? accepted.Values.Max() : DateTimeOffset.UtcNow;
        var lastCompletion = completions.Where(c => c is not null).Select(c => c!.Value).DefaultIfEmpty(lastSend).Max();
        var end = lastCompletion > lastSend ? lastCompletion : lastSend;
        var stepsSeconds = (end - began).TotalSeconds;
        var steps = complete * 3;
        var duplicates = CampaignBenchmark.Duplicates(sendGrid, twilio);
        var stepsPerMinute = steps / stepsSeconds * 60;
        var sendsPerMinute = accepted.Count / (lastSend - began).TotalSeconds * 60;

        Console.WriteLine();
        Console.WriteLine("| runner                                        | instances (completed) | steps | steps/min | sends/min | duplicates |");
        Console.WriteLine("|-----------------------------------------------|-----------------------|-------|-----------|-----------|------------|");
        if (CampaignBenchmark.LastSelfHost is { } s)
        {
            Console.WriteLine($"| self-host runner (churn serve, Azurite)       | {$"{s.Instances} ({s.Completed})",-21} | {s.Steps,5} | {s.StepsPerMinute,9:F0} | {s.SendsPerMinute,9:F0} | {s.DuplicateExtraSends,10} |");
        }

        Console.WriteLine($"| Durable orchestrator (Azure Storage, Azurite) | {$"{options.Instances} ({completed})",-21} | {steps,5} | {stepsPerMinute,9:F0} | {sendsPerMinute,9:F0} | {duplicates.Extra,10} |");
        Console.WriteLine();
        Console.WriteLine($"Durable: sends accepted {accepted.Count} / {planned.Count}, time to last step {stepsSeconds:F1} s (scheduling took {startSeconds:F1} s), " +
            $"provider requests {sendGrid.RequestCount} / {twilio.CreateRequests}; a step counts for instances completed with both sends accepted.");
        return duplicates.Extra == 0 && accepted.Count == planned.Count && completed == options.Instances ? 0 : 1;
    }

    /// <summary>Each instance's completion time (its last update), polled for up to 120 s; null for one not completed.</summary>
    private static async Task<DateTimeOffset?[]> ReadCompletionsAsync(
        DurableTaskClient client, CampaignWorkload workload, ParallelOptions parallel, CampaignReport report)
    {
        var completions = new DateTimeOffset?[workload.Customers.Count];
        var pending = new ConcurrentBag<int>(Enumerable.Range(0, completions.Length));
        var guard = Stopwatch.StartNew();
        while (true)
        {
            var again = new ConcurrentBag<int>();
            await Parallel.ForEachAsync(pending, parallel, async (i, ct) =>
            {
                var instance = await client.GetInstanceAsync(workload.InstanceId(i), ct);
                if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
                {
                    completions[i] = instance.LastUpdatedAt;
                }
                else
                {
                    again.Add(i);
                }
            });
            if (again.IsEmpty || guard.Elapsed > TimeSpan.FromSeconds(120))
            {
                if (!again.IsEmpty)
                {
                    report.Step($"{again.Count} orchestrations still not completed after 120 s");
                }

                return completions;
            }

            pending = again;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
