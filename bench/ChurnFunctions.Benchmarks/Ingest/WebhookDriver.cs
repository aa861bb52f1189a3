using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>
/// Sends signed deliveries over real HTTP to the self-host and times each acknowledgement (request sent to response
/// read). Closed loop: C senders, each sends its next delivery when the last one is answered. Open loop: deliveries
/// leave on a fixed schedule whatever the answers, and latency counts from the scheduled time, so a stall shows up
/// in the figures instead of slowing the sender (no coordinated omission).
/// </summary>
internal sealed class WebhookDriver(Uri baseAddress) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 2048,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestVersion = HttpVersion.Version11,
    };

    public async Task<DriveResult> ClosedLoopAsync(IReadOnlyList<SignedWebhook> webhooks, int concurrency)
    {
        var latencies = new double[webhooks.Count];
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var senders = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < webhooks.Count)
            {
                var sent = Stopwatch.GetTimestamp();
                await SendAsync(webhooks[i], failures);
                latencies[i] = (Stopwatch.GetTimestamp() - sent) / TicksPerMs;
            }
        }));
        await Task.WhenAll(senders);
        return new DriveResult(latencies, start, Stopwatch.GetElapsedTime(start), failures, MaxDispatchLagMs: 0);
    }

    public async Task<DriveResult> OpenLoopAsync(IReadOnlyList<SignedWebhook> webhooks, double rate)
    {
        var latencies = new double[webhooks.Count];
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var inFlight = new Task[webhooks.Count];
        var interval = Stopwatch.Frequency / rate;
        var maxLag = 0L;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < webhooks.Count; i++)
        {
            var due = start + (long)(i * interval);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > TicksPerMs)
            {
                // Timers fire at about 1 ms resolution: sleep to within a tick of the slot, then send (up to 1 ms early).
                await Task.Delay(TimeSpan.FromMilliseconds((wait - TicksPerMs) / TicksPerMs));
            }

            var now = Stopwatch.GetTimestamp();
            maxLag = Math.Max(maxLag, now - due);
            inFlight[i] = TimedAsync(webhooks[i], Math.Min(due, now), latencies, i, failures);
        }

        await Task.WhenAll(inFlight);
        return new DriveResult(latencies, start, Stopwatch.GetElapsedTime(start), failures, maxLag / TicksPerMs);
    }

    public void Dispose() => _client.Dispose();

    private async Task TimedAsync(SignedWebhook webhook, long from, double[] latencies, int i, ConcurrentDictionary<string, int> failures)
    {
        await SendAsync(webhook, failures);
        latencies[i] = (Stopwatch.GetTimestamp() - from) / TicksPerMs;
    }

    private async Task SendAsync(SignedWebhook webhook, ConcurrentDictionary<string, int> failures)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(webhook.Body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.TryAddWithoutValidation("X-Shopify-Topic", "orders/create");
            request.Headers.TryAddWithoutValidation("X-Shopify-Hmac-Sha256", webhook.Signature);
            request.Headers.TryAddWithoutValidation("X-Shopify-Event-Id", webhook.EventId);
            request.Headers.TryAddWithoutValidation("X-Shopify-Webhook-Id", "wh-" + webhook.EventId);
            request.Headers.TryAddWithoutValidation("X-Shopify-Shop-Domain", "bench-store.myshopify.com");
            request.Headers.TryAddWithoutValidation("X-Shopify-API-Version", "2024-07");
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                failures.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
        }
    }
}

/// <summary>A send phase: each delivery's ack latency (ms), when it started, how long sending took, and what failed.</summary>
internal sealed record DriveResult(
    double[] LatenciesMs, long StartTimestamp, TimeSpan SendDuration, IReadOnlyDictionary<string, int> Failures, double MaxDispatchLagMs)
{
    public int Failed => Failures.Values.Sum();

    public int Accepted => LatenciesMs.Length - Failed;

    public double AcceptedPerSecond => LatenciesMs.Length / SendDuration.TotalSeconds;
}
