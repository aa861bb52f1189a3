using System.Diagnostics;
using System.Net;
using ChurnFunctions.Core.Telemetry;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace ChurnFunctions.IntegrationTests.Telemetry;

/// <summary>
/// `churn serve` with an in-memory exporter added through the same AddChurnTelemetry the OTLP and Azure Monitor
/// exporters use: one signed Shopify webhook, followed from the request through the queue to the table write.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookTraceTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ExportedItems<Activity> spans = new();
    private readonly ExportedItems<Metric> metrics = new();
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() =>
        host = await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            telemetry: otel => otel
                .WithTracing(t => t.AddInMemoryExporter(spans))
                .WithMetrics(m => m.AddInMemoryExporter(metrics)));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_webhooks_request_its_queue_handling_and_its_table_write_show_under_one_trace_id()
    {
        var email = $"trace-{Guid.NewGuid():N}@example.com";
        var body = Payloads.ShopifyOrder(920001, 720001 + Random.Shared.Next(1_000_000), email, 55m);

        // The test's own root, so the trace id is known before the request goes and other hosts' spans are told apart.
        using var root = new Activity("test webhook").SetIdFormat(ActivityIdFormat.W3C);
        root.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        root.Start();
        var response = await host.Client.SendAsync(Payloads.Shopify(body, Guid.NewGuid().ToString()));
        root.Stop();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        List<Activity> trace;
        try
        {
            trace = await SelfHostRunner.EventuallyAsync(
                () => Task.FromResult(spans.Snapshot().Where(s => s.TraceId == root.TraceId).ToList()),
                t => t.Any(IsTableWrite) && t.Any(IsShopifyDelivery) && t.Any(IsShopifyRequest));
        }
        catch (TimeoutException)
        {
            foreach (var span in spans.Snapshot())
            {
                output.WriteLine($"{span.TraceId} {span.ParentSpanId}->{span.SpanId} {span.Source.Name} {span.Kind} {span.DisplayName} {span.GetTagItem("url.full")}");
            }

            throw;
        }

        var request = Assert.Single(trace, IsShopifyRequest);
        var create = Assert.Single(trace, s => s.Source.Name == ChurnTelemetry.SourceName && s.DisplayName == "create ingest");
        var delivery = Assert.Single(trace, IsShopifyDelivery);
        Assert.Equal(request.SpanId, create.ParentSpanId);
        Assert.Equal(create.SpanId, delivery.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, delivery.Kind);

        // The queue message's own span is a trace of the listener's; the delivery links to it.
        var message = Assert.Single(delivery.Links).Context;
        Assert.Contains(spans.Snapshot(), s => s.SpanId == message.SpanId && s.DisplayName == "process ingest");

        var write = trace.Where(IsTableWrite).ToList();
        Assert.NotEmpty(write);
        Assert.All(write, w => Assert.True(Descends(w, delivery, trace), $"{w.DisplayName} {w.GetTagItem("url.full")} is not under the delivery span"));

        // The identity rows are keyed by the email: no URL in the trace may carry it, raw or encoded.
        string[] needles = [email, Uri.EscapeDataString(email), email.Split('@')[0]];
        var leaks = trace.SelectMany(SpanText.Of).Where(v => needles.Any(n => v.Contains(n, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task An_accepted_and_stored_webhook_moves_the_ingest_counters_the_pipeline_exports()
    {
        var email = $"metrics-{Guid.NewGuid():N}@example.com";
        var body = Payloads.ShopifyOrder(920002, 720001 + Random.Shared.Next(1_000_000), email, 12m);

        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Shopify(body, Guid.NewGuid().ToString()))).StatusCode);

        var provider = host.Services.GetRequiredService<MeterProvider>();
        await SelfHostRunner.EventuallyAsync(
            () =>
            {
                // Each flush exports the cumulative sums so far; the latest export of a counter says where it stands.
                metrics.Clear();
                provider.ForceFlush();
                var exported = metrics.Snapshot();
                return Task.FromResult((Accepted: Sum(exported, ChurnMetrics.IngestAcceptedName, "shopify"), Stored: Sum(exported, ChurnMetrics.IngestStoredName, "shopify")));
            },
            counts => counts.Accepted >= 1 && counts.Stored >= 1);
    }

    private static long Sum(IEnumerable<Metric> exported, string name, string source)
    {
        long total = 0;
        foreach (var metric in exported.Where(m => m.Name == name && m.MeterName == ChurnTelemetry.MeterName))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    if (tag.Key == "source" && Equals(tag.Value, source))
                    {
                        total += point.GetSumLong();
                    }
                }
            }
        }

        return total;
    }

    private static bool IsShopifyRequest(Activity span) =>
        span.Kind == ActivityKind.Server && span.GetTagItem("http.route") is string route && route.EndsWith("webhooks/shopify", StringComparison.Ordinal);

    private static bool IsShopifyDelivery(Activity span) =>
        span.Source.Name == ChurnTelemetry.SourceName && span.DisplayName == "ingest shopify";

    /// <summary>A write to the customer table: the REST client's request, or the Azure SDK client's operation.</summary>
    private static bool IsTableWrite(Activity span) =>
        span.Kind == ActivityKind.Client
        && (span.GetTagItem("url.full") ?? span.GetTagItem("http.url")) is string url
        && (url.Contains("/$batch", StringComparison.Ordinal) || url.Contains("/customers", StringComparison.Ordinal))
        && span.GetTagItem("http.request.method") is not "GET";

    private static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var current = span;
        for (var depth = 0; depth < 32 && current is not null; depth++)
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }

            current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId);
        }

        return false;
    }
}
