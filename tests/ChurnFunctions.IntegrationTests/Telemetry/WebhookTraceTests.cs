using System.Diagnostics;
using System.Net;
using ChurnFunctions.Core.Telemetry;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
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
    private readonly SpanCollection spans = new();
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() =>
        host = await SelfHostRunner.StartAsync(azurite.ConnectionString, telemetry: otel => otel.WithTracing(t => t.AddInMemoryExporter(spans)));

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
