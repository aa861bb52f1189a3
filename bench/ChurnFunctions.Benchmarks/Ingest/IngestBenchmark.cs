using System.Text;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>
/// Drives signed Shopify webhooks through `churn serve` (in-process Kestrel) and a real Azurite, and compares the rate
/// at which they are stored with the storage ceiling: the same Azurite, through the same StorageAccount, doing only
/// the storage work one webhook needs. Phases: warm-up (not counted), main run (closed-loop burst of C senders, or
/// open loop at --rate), ceiling, then a run paced open-loop at the main run's stored/s for the ack-latency target.
/// </summary>
internal static class IngestBenchmark
{
    public static int Run(string[] args)
    {
        IngestBenchOptions options;
        try
        {
            options = IngestBenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: ChurnFunctions.Benchmarks " + IngestBenchOptions.Usage);
            return 2;
        }

        return RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(IngestBenchOptions options)
    {
        var report = new IngestReport(options);
        report.Header();
        await using var host = await BenchHost.StartAsync(options.Split, options.QueueBatch);
        var factory = new WebhookFactory(BenchHost.ShopifySecret, options.Customers, options.Seed);
        using var driver = new WebhookDriver(host.BaseAddress);
        var watcher = new StoredWatcher(host.Storage);
        var ceilingSplit = options.Split ? new StorageCallSplit() : null;
        var ceiling = new StorageCeiling(host.Storage, options.Customers, options.Seed, ceilingSplit);
        var ceilingWebhooks = options.CeilingWebhooks ?? options.Webhooks;
        var envelope = EnvelopeText(factory.Next(1)[0]);
        await watcher.PrepareAsync();
        long stored = await watcher.StoredOrdersAsync();

        report.Step($"warm-up: {options.Warmup} webhooks through the pipeline, {Math.Min(300, ceilingWebhooks)} through the ceiling (not counted)");
        if (options.Warmup > 0)
        {
            var warm = await MeasureAsync("warm-up", factory.Next(options.Warmup), w => driver.ClosedLoopAsync(w, options.Concurrency), watcher, stored);
            stored = warm.Stored.StoredOrders;
        }

        await ceiling.PrepareAsync(options.Concurrency);
        await ceiling.RunAsync(Math.Min(300, ceilingWebhooks), options.Concurrency, envelope);
        host.Split?.Reset();

        PipelineRun main;
        if (options.Rate is { } rate)
        {
            report.Step($"main run: {options.Webhooks} webhooks, open loop at {rate:F0}/s");
            main = await MeasureAsync($"open loop at {rate:F0}/s (--rate)", factory.Next(options.Webhooks), w => driver.OpenLoopAsync(w, rate), watcher, stored);
        }
        else
        {
            report.Step($"main run: {options.Webhooks} webhooks, closed loop, {options.Concurrency} senders");
            main = await MeasureAsync($"burst: closed loop, {options.Concurrency} senders", factory.Next(options.Webhooks), w => driver.ClosedLoopAsync(w, options.Concurrency), watcher, stored);
        }

        stored = main.Stored.StoredOrders;
        report.Step($"  -> {main.Drive.AcceptedPerSecond:F0} accepted/s, {main.StoredPerSecond:F0} stored/s, ack p50 {main.Ack.P50:F1} / p99 {main.Ack.P99:F1} ms, max queued messages {main.Stored.MaxBacklog}");
        var split = host.Split?.Snapshot();

        report.Step($"ceiling: {ceilingWebhooks} simulated webhooks, {options.Concurrency} workers");
        ceilingSplit?.Reset();
        var ceilingResult = await ceiling.RunAsync(ceilingWebhooks, options.Concurrency, envelope);
        report.Step($"  -> ceiling {ceilingResult.WebhooksPerSecond:F0} webhooks/s ({ceilingResult.RequestsPerSecond:F0} requests/s); stored/s / ceiling = {main.StoredPerSecond / ceilingResult.WebhooksPerSecond:P0}");
        CeilingResult? pipelineShaped = null;
        if (options.Split)
        {
            report.Step($"diagnostic: {ceilingWebhooks} simulated webhooks with the pipeline's request mix, {options.Concurrency} workers");
            pipelineShaped = await ceiling.RunAsync(ceilingWebhooks, options.Concurrency, envelope, pipelineShape: true);
        }

        PipelineRun? paced = null;
        var pacedWebhooks = options.PacedWebhooks ?? options.Webhooks;
        if (pacedWebhooks > 0)
        {
            var pacedRate = main.StoredPerSecond;
            report.Step($"paced run: {pacedWebhooks} webhooks, open loop at the measured stored/s ({pacedRate:F0}/s)");
            paced = await MeasureAsync($"paced: open loop at measured stored/s ({pacedRate:F0}/s)", factory.Next(pacedWebhooks), w => driver.OpenLoopAsync(w, pacedRate), watcher, stored);
        }

        report.Results(main, paced, ceilingResult, pipelineShaped, split, ceilingSplit?.Snapshot());
        return 0;
    }

    private static async Task<PipelineRun> MeasureAsync(
        string label, SignedWebhook[] webhooks, Func<SignedWebhook[], Task<DriveResult>> send, StoredWatcher watcher, long storedBefore)
    {
        var sending = send(webhooks);
        var stored = await watcher.WaitAsync(sending, storedBefore);
        return new PipelineRun(label, await sending, stored);
    }

    /// <summary>The queue text the intake would write for a delivery: the size the ceiling puts and gets.</summary>
    private static string EnvelopeText(SignedWebhook sample) =>
        IngestEnvelopeSerializer.Serialize(new IngestEnvelope(
            "shopify",
            DateTimeOffset.UtcNow,
            new Dictionary<string, string>
            {
                ["X-Shopify-Topic"] = "orders/create",
                ["X-Shopify-Event-Id"] = sample.EventId,
                ["X-Shopify-Webhook-Id"] = "wh-" + sample.EventId,
                ["X-Shopify-Shop-Domain"] = "bench-store.myshopify.com",
                ["X-Shopify-API-Version"] = "2024-07",
            },
            Encoding.UTF8.GetString(sample.Body)));
}
