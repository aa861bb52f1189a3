using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Tests.Fakes;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class IngestMessageHandlerTests
{
    private readonly IngestRig rig = new();
    private readonly RecordingQueues queues = new();
    private readonly InMemoryBlobStore blobs = new();
    private readonly FakeNormalizer normalizer = new();

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
    public async Task Fetches_a_claim_check_body_and_deletes_it_once_stored()
    {
        await blobs.PutAsync(Triggers.Triggers.IngestBodiesContainer, "big", "order:big"u8.ToArray(), "application/octet-stream", default);
        var text = IngestEnvelopeSerializer.Serialize(new IngestEnvelope("test", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), null, "big"));

        var outcome = await Handler().HandleAsync(text, 1, default);

        Assert.Equal(1, outcome.Stored);
        Assert.Empty(blobs.Blobs);
    }

    [Fact]
    public async Task A_failure_before_the_last_attempt_is_rethrown_so_the_message_is_retried()
    {
        normalizer.OnNormalize = _ => throw new TimeoutException("storage slow");

        await Assert.ThrowsAsync<TimeoutException>(() => Handler().HandleAsync(Envelope("order:1"), 4, default));
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestPoisonQueue));
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
    public async Task A_combined_message_with_a_failing_delivery_is_retried_and_stores_the_others_once()
    {
        var storageDown = true;
        normalizer.OnNormalize = e => e.Body == "order:2" && storageDown
            ? throw new TimeoutException("storage slow")
            : NormalizationResult.Of(Tx.For(Tx.Purchase(e.Body!, "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1"));
        var message = IngestEnvelopeSerializer.Combine([Envelope("order:1"), Envelope("order:2"), Envelope("order:3")]);

        await Assert.ThrowsAsync<TimeoutException>(() => Handler().HandleAsync(message, 1, default));
        storageDown = false;
        var retried = await Handler().HandleAsync(message, 2, default);

        Assert.Equal(new IngestOutcome(1, 2), retried);
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
    public async Task A_hopeless_delivery_beside_a_failing_one_is_poisoned_once_on_the_attempt_that_ends_the_message()
    {
        var storageDown = true;
        normalizer.OnNormalize = e => e.Body switch
        {
            "bad" => NormalizationResult.Invalid("total", "must be a number"),
            "order:2" when storageDown => throw new TimeoutException("storage slow"),
            _ => NormalizationResult.Of(Tx.For(Tx.Purchase(e.Body!, "2024-01-10T10:00:00Z", 1m), platformKey: "pos:1")),
        };
        var message = IngestEnvelopeSerializer.Combine([Envelope("bad"), Envelope("order:2")]);

        await Assert.ThrowsAsync<TimeoutException>(() => Handler().HandleAsync(message, 1, default));
        await Assert.ThrowsAsync<TimeoutException>(() => Handler().HandleAsync(message, 2, default));
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestPoisonQueue));
        storageDown = false;
        var outcome = await Handler().HandleAsync(message, 3, default);

        Assert.Equal(new IngestOutcome(1, 0), outcome);
        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal(Envelope("bad"), entry.Message);
    }

    [Fact]
    public async Task An_empty_array_goes_to_poison_at_once()
    {
        await Handler().HandleAsync("[]", 1, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal("[]", entry.Message);
    }

    private static string Envelope(string body) =>
        IngestEnvelopeSerializer.Serialize(new IngestEnvelope("test", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), body));

    private IngestMessageHandler Handler() => new(
        new SourceNormalizerRegistry([normalizer]), rig.Processor, blobs, queues, Options.Create(new IngestOptions()), TimeProvider.System,
        NullLogger<IngestMessageHandler>.Instance);
}
