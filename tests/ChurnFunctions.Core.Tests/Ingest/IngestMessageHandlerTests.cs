using System.Diagnostics;
using ChurnFunctions.Core.Telemetry;
using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Tests.Fakes;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class IngestMessageHandlerTests : IDisposable
{
    private readonly IngestRig rig = new();
    private readonly RecordingQueues queues = new();
    private readonly InMemoryBlobStore blobs = new();
    private readonly FakeNormalizer normalizer = new();
    private readonly MetricRecorder recorder = new();

    public IngestMessageHandlerTests()
    {
        normalizer.OnNormalize = e => NormalizationResult.Of(Tx.For(Tx.Purchase(e.Body!, "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1"));
    }

    [Fact]
    public async Task Stores_the_transactions_of_an_envelope()
    {
        var outcome = await Handler().HandleAsync(Envelope("order:1"), 1, default);

        Assert.Equal(new IngestOutcome(1, 0), outcome);
    }

    [Fact]
    public async Task Stored_transactions_count_by_source_and_a_redelivery_counts_nothing()
    {
        await Handler().HandleAsync(Envelope("order:1"), 1, default);
        await Handler().HandleAsync(Envelope("order:1"), 1, default);

        Assert.Equal(1, recorder.Sum(ChurnMetrics.IngestStoredName, ("source", "test")));
        Assert.Equal(0, recorder.Count(ChurnMetrics.IngestPoisonedName));
    }

    [Fact]
    public async Task A_poisoned_delivery_counts_once_by_error_type()
    {
        normalizer.OnNormalize = _ => throw new InvalidIngestMessageException("bad payload");

        await Handler().HandleAsync(Envelope("order:1"), 1, default);

        Assert.Equal(1, recorder.Sum(ChurnMetrics.IngestPoisonedName, ("error.type", nameof(InvalidIngestMessageException))));
        Assert.Equal(0, recorder.Sum(ChurnMetrics.IngestStoredName));
    }

    [Fact]
    public async Task The_delivery_span_continues_the_trace_its_envelope_carries_and_links_the_message_span()
    {
        var spans = new List<Activity>();
        using var listener = ListenToChurnSpans(spans);
        var producer = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{producer}-{ActivitySpanId.CreateRandom()}-01";
        var text = IngestEnvelopeSerializer.Serialize(
            new IngestEnvelope("test", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), "order:1", TraceParent: traceParent, TraceState: "k=v"));

        using (var message = ChurnTelemetry.StartQueueMessage(Triggers.Triggers.IngestQueue, "m1", 1))
        {
            await Handler().HandleAsync(text, 1, default);
        }

        var delivery = Assert.Single(spans, s => s.TraceId == producer);
        Assert.Equal("ingest test", delivery.DisplayName);
        Assert.Equal(ActivityKind.Consumer, delivery.Kind);
        Assert.Equal("k=v", delivery.TraceStateString);
        var queueSpan = Assert.Single(spans, s => s.DisplayName == "process ingest" && s.GetTagItem("messaging.message.id") as string == "m1");
        Assert.Equal(queueSpan.SpanId, Assert.Single(delivery.Links).Context.SpanId);
    }

    [Fact]
    public void An_envelope_queued_before_the_trace_context_travelled_still_parses()
    {
        var envelope = IngestEnvelopeSerializer.Deserialize("""{"source":"shopify","receivedAt":"2024-01-01T00:00:00+00:00","headers":{},"body":"{}"}""");

        Assert.Null(envelope.TraceParent);
        Assert.Null(envelope.TraceState);
    }

    private static ActivityListener ListenToChurnSpans(List<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChurnTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Fact]
    public async Task Fetches_a_claim_check_body_and_deletes_it_once_stored()
    {
        await blobs.PutAsync(Triggers.Triggers.IngestBodiesContainer, "big", "order:big"u8.ToArray(), "application/octet-stream", default);
        var text = IngestEnvelopeSerializer.Serialize(new IngestEnvelope("test", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), null, "big"));

        var outcome = await Handler().HandleAsync(text, 1, default);

        Assert.Equal(1, outcome.Stored);
        Assert.Empty(blobs.Blobs);
    }

    [Fact]
    public async Task A_failure_before_the_last_attempt_puts_the_delivery_back_after_the_first_retry_delay()
    {
        normalizer.OnNormalize = _ => throw new TimeoutException("storage slow");
        var message = Envelope("order:1");

        var outcome = await Handler().HandleAsync(message, 1, default);

        Assert.Equal(IngestOutcome.None, outcome);
        var (text, delay) = Assert.Single(queues.SentWithDelays(Triggers.Triggers.IngestQueue));
        Assert.Equal(TimeSpan.FromSeconds(30), delay);
        Assert.Equal(new IngestRetryMessage(1, [message]), IngestRetryMessage.Read(text), RetryComparer);
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestPoisonQueue));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_waits_twice_as_long_each_time_and_its_fifth_attempt_poisons_the_original_envelope()
    {
        normalizer.OnNormalize = _ => throw new TimeoutException("storage slow");
        var original = Envelope("order:1");

        var text = original;
        for (var i = 0; i < 5; i++)
        {
            // Each put-back copy is a new queue message: the host sees it for the first time.
            await Handler().HandleAsync(text, 1, default);
            text = queues.Sent(Triggers.Triggers.IngestQueue).ElementAtOrDefault(i) ?? "";
        }

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)],
            queues.SentWithDelays(Triggers.Triggers.IngestQueue).Select(m => m.Delay));
        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal(5, entry.DequeueCount);
        Assert.Equal("storage slow", entry.Reason);
        Assert.Equal(original, entry.Message);
    }

    [Fact]
    public async Task Attempts_count_the_host_redeliveries_of_a_put_back_message_too()
    {
        normalizer.OnNormalize = _ => throw new TimeoutException("storage slow");
        var retry = new IngestRetryMessage(3, [Envelope("order:1")]).Write();

        // Attempts 1-3 were put back by the handler; the copy's second dequeue is the fifth attempt.
        await Handler().HandleAsync(retry, 2, default);

        Assert.Empty(queues.Sent(Triggers.Triggers.IngestQueue));
        Assert.Equal(5, JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!.DequeueCount);
    }

    [Fact]
    public async Task When_the_delivery_cannot_be_put_back_the_failure_propagates_so_the_host_retries_the_message()
    {
        normalizer.OnNormalize = _ => throw new TimeoutException("storage slow");
        queues.Fail = true;

        await Assert.ThrowsAsync<HttpRequestException>(() => Handler().HandleAsync(Envelope("order:1"), 1, default));
        queues.Fail = false;
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestPoisonQueue));
    }

    [Fact]
    public async Task A_refund_before_its_order_is_put_back_and_stored_on_the_retry_after_the_order()
    {
        UseShopifyOrderAndRefund();

        await Handler().HandleAsync(Envelope("refund"), 1, default);
        var retry = Assert.Single(queues.Sent(Triggers.Triggers.IngestQueue));
        await Handler().HandleAsync(Envelope("order"), 1, default);
        var outcome = await Handler().HandleAsync(retry, 1, default);

        Assert.Equal(new IngestOutcome(1, 0), outcome);
        var record = (await rig.Store.GetAsync(rig.Index.Keys["shopify:1"], default))!.Value;
        Assert.Equal((30m, 1), (record.NetSpend, record.RefundCount));
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestPoisonQueue));
    }

    [Fact]
    public async Task A_refund_whose_order_never_comes_is_poisoned_as_order_not_found_and_a_replay_after_the_order_stores_it()
    {
        UseShopifyOrderAndRefund();
        var refund = Envelope("refund");

        var text = refund;
        for (var i = 0; i < 5; i++)
        {
            await Handler().HandleAsync(text, 1, default);
            text = queues.Sent(Triggers.Triggers.IngestQueue).ElementAtOrDefault(i) ?? "";
        }

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal((OrderNotFoundException.Reason, nameof(OrderNotFoundException), 5L), (entry.Reason, entry.Error, entry.DequeueCount));
        Assert.Equal(refund, entry.Message);

        await Handler().HandleAsync(Envelope("order"), 1, default);
        var replayed = await Handler().HandleAsync(entry.Message!, 1, default);

        Assert.Equal(new IngestOutcome(1, 0), replayed);
        Assert.Equal(1, (await rig.Store.GetAsync(rig.Index.Keys["shopify:1"], default))!.Value.RefundCount);
    }

    [Fact]
    public async Task A_malformed_retry_message_goes_to_poison_at_once()
    {
        const string message = "{\"attemptsMade\":1,\"deliveries\":[]}";

        await Handler().HandleAsync(message, 1, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal(message, entry.Message);
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestQueue));
    }

    [Fact]
    public async Task Message_that_fails_its_fifth_attempt_goes_to_the_poison_queue_with_its_reason()
    {
        normalizer.OnNormalize = _ => throw new TimeoutException("storage slow");
        var message = Envelope("order:1");

        await Handler().HandleAsync(message, 5, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal("storage slow", entry.Reason);
        Assert.Equal(nameof(TimeoutException), entry.Error);
        Assert.Equal(5, entry.DequeueCount);
        Assert.Equal(message, entry.Message);
    }

    [Fact]
    public async Task Poison_entry_uses_the_documented_camel_case_fields()
    {
        normalizer.OnNormalize = _ => throw new TimeoutException("storage slow");

        await Handler().HandleAsync(Envelope("order:1"), 5, default);

        using var entry = JsonDocument.Parse(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single());
        Assert.Equal(
            ["reason", "error", "dequeueCount", "failedAt", "message"],
            entry.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task A_message_that_is_not_an_envelope_goes_to_poison_at_once()
    {
        await Handler().HandleAsync("{not json", 1, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Contains("not valid envelope JSON", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_payload_goes_to_poison_with_its_field_errors()
    {
        normalizer.OnNormalize = _ => NormalizationResult.Invalid("total", "must be a number");

        await Handler().HandleAsync(Envelope("x"), 1, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Contains("total: must be a number", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_every_delivery_of_a_combined_message()
    {
        var outcome = await Handler().HandleAsync(IngestEnvelopeSerializer.Combine([Envelope("order:1"), Envelope("order:2"), Envelope("order:3")]), 1, default);

        Assert.Equal(new IngestOutcome(3, 0), outcome);
        Assert.Equal(3, (await rig.Store.GetTransactionsAsync(rig.Index.Keys["pos:1"], default)).Count);
    }

    [Fact]
    public async Task Poisons_only_the_bad_delivery_of_a_combined_message()
    {
        normalizer.OnNormalize = e => e.Body == "bad"
            ? NormalizationResult.Invalid("total", "must be a number")
            : NormalizationResult.Of(Tx.For(Tx.Purchase(e.Body!, "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1"));
        var bad = Envelope("bad");

        var outcome = await Handler().HandleAsync(IngestEnvelopeSerializer.Combine([Envelope("order:1"), bad, Envelope("order:2")]), 1, default);

        Assert.Equal(new IngestOutcome(2, 0), outcome);
        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal(bad, entry.Message);
    }

    [Fact]
    public async Task A_combined_message_puts_back_only_its_failing_delivery_and_stores_the_others_once()
    {
        var storageDown = true;
        normalizer.OnNormalize = e => e.Body == "order:2" && storageDown
            ? throw new TimeoutException("storage slow")
            : NormalizationResult.Of(Tx.For(Tx.Purchase(e.Body!, "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1"));
        var message = IngestEnvelopeSerializer.Combine([Envelope("order:1"), Envelope("order:2"), Envelope("order:3")]);

        var first = await Handler().HandleAsync(message, 1, default);
        storageDown = false;
        var retry = Assert.Single(queues.Sent(Triggers.Triggers.IngestQueue));
        var retried = await Handler().HandleAsync(retry, 1, default);

        Assert.Equal((new IngestOutcome(2, 0), new IngestOutcome(1, 0)), (first, retried));
        Assert.Equal([Envelope("order:2")], IngestRetryMessage.Read(retry).Deliveries);
        Assert.Equal(3, (await rig.Store.GetTransactionsAsync(rig.Index.Keys["pos:1"], default)).Count);
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestPoisonQueue));
    }

    [Fact]
    public async Task On_the_last_attempt_only_the_failing_delivery_of_a_combined_message_goes_to_poison()
    {
        normalizer.OnNormalize = e => e.Body == "order:2"
            ? throw new TimeoutException("storage slow")
            : NormalizationResult.Of(Tx.For(Tx.Purchase(e.Body!, "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1"));

        var outcome = await Handler().HandleAsync(IngestEnvelopeSerializer.Combine([Envelope("order:1"), Envelope("order:2")]), 5, default);

        Assert.Equal(new IngestOutcome(1, 0), outcome);
        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal(Envelope("order:2"), entry.Message);
        Assert.Equal("storage slow", entry.Reason);
    }

    [Fact]
    public async Task A_hopeless_delivery_beside_a_failing_one_is_poisoned_at_once_and_only_the_failing_one_put_back()
    {
        normalizer.OnNormalize = e => e.Body switch
        {
            "bad" => NormalizationResult.Invalid("total", "must be a number"),
            "order:2" => throw new TimeoutException("storage slow"),
            _ => NormalizationResult.Of(Tx.For(Tx.Purchase(e.Body!, "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1")),
        };

        await Handler().HandleAsync(IngestEnvelopeSerializer.Combine([Envelope("bad"), Envelope("order:2")]), 1, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal(Envelope("bad"), entry.Message);
        Assert.Equal([Envelope("order:2")], IngestRetryMessage.Read(queues.Sent(Triggers.Triggers.IngestQueue).Single()).Deliveries);
    }

    [Fact]
    public async Task An_empty_array_goes_to_poison_at_once()
    {
        await Handler().HandleAsync("[]", 1, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal("[]", entry.Message);
    }

    private static readonly IEqualityComparer<IngestRetryMessage> RetryComparer = EqualityComparer<IngestRetryMessage>.Create(
        (a, b) => a!.AttemptsMade == b!.AttemptsMade && a.Deliveries.SequenceEqual(b.Deliveries), m => m.AttemptsMade);

    // "order" is a Shopify order of customer shopify:1 (50.00); "refund" refunds 20.00 of it, without a buyer.
    private void UseShopifyOrderAndRefund() =>
        normalizer.OnNormalize = e => e.Body == "order"
            ? NormalizationResult.Of(Tx.For(Tx.Purchase("order:7", "2024-01-10T10:00:00Z", 50m) with { Source = SourceNames.Shopify }, platformKey: "shopify:1"))
            : NormalizationResult.Of(new NormalizedTransaction(Tx.Refund("refund:9", "order:7", "2024-01-12T10:00:00Z", 20m) with { Source = SourceNames.Shopify }, null));

    private static string Envelope(string body) =>
        IngestEnvelopeSerializer.Serialize(new IngestEnvelope("test", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), body));

    private IngestMessageHandler Handler() => new(
        new SourceNormalizerRegistry([normalizer]), rig.Processor, blobs, queues, Options.Create(new IngestOptions()), TimeProvider.System,
        recorder.Metrics, NullLogger<IngestMessageHandler>.Instance);

    public void Dispose() => recorder.Dispose();
}
