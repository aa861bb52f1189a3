using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Tests.Fakes;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Ingest;

/// <summary>A poison entry too large for a queue message keeps its reason and sends the message by claim check.</summary>
public sealed class PoisonClaimCheckTests
{
    private readonly IngestRig rig = new();
    private readonly RecordingQueues queues = new();
    private readonly InMemoryBlobStore blobs = new();
    private readonly FakeNormalizer normalizer = new() { OnNormalize = _ => throw new TimeoutException("storage slow") };
    private readonly IngestOptions options = new();

    [Fact]
    public async Task Poisoned_message_too_large_for_an_entry_goes_to_a_blob_and_the_entry_keeps_reason_error_and_count()
    {
        // Non-ASCII text is escaped six-fold in the entry's JSON: 10,000 characters become 60,000.
        var message = Envelope(new string('中', 10_000));

        await Handler().HandleAsync(message, options.MaxDequeueCount, default);

        var sent = queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single();
        Assert.True(Encoding.UTF8.GetByteCount(sent) <= options.MaxInlineBytes);
        var entry = JsonSerializer.Deserialize<PoisonEntry>(sent, JsonSerializerOptions.Web)!;
        Assert.Equal("storage slow", entry.Reason);
        Assert.Equal(nameof(TimeoutException), entry.Error);
        Assert.Equal(options.MaxDequeueCount, entry.DequeueCount);
        Assert.Null(entry.Message);
        Assert.StartsWith("poison/", entry.MessageBlob, StringComparison.Ordinal);
        var stored = await blobs.GetAsync(Triggers.Triggers.IngestBodiesContainer, entry.MessageBlob!, default);
        Assert.Equal(message, Encoding.UTF8.GetString(stored!));
    }

    [Fact]
    public async Task Poisoned_message_that_fits_stays_in_the_entry()
    {
        var message = Envelope("order:1");

        await Handler().HandleAsync(message, options.MaxDequeueCount, default);

        var entry = JsonSerializer.Deserialize<PoisonEntry>(queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single(), JsonSerializerOptions.Web)!;
        Assert.Equal(message, entry.Message);
        Assert.Null(entry.MessageBlob);
        Assert.Empty(blobs.Blobs);
    }

    [Fact]
    public async Task A_very_long_reason_is_cut_so_the_entry_still_fits()
    {
        normalizer.OnNormalize = _ => throw new InvalidOperationException(new string('r', 200_000));

        await Handler().HandleAsync(Envelope("order:1"), options.MaxDequeueCount, default);

        var sent = queues.Sent(Triggers.Triggers.IngestPoisonQueue).Single();
        Assert.True(Encoding.UTF8.GetByteCount(sent) <= options.MaxInlineBytes);
        var entry = JsonSerializer.Deserialize<PoisonEntry>(sent, JsonSerializerOptions.Web)!;
        Assert.StartsWith("rrrr", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(Envelope("order:1"), entry.Message);
    }

    private static string Envelope(string body) =>
        IngestEnvelopeSerializer.Serialize(new IngestEnvelope("test", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), body));

    private IngestMessageHandler Handler() => new(
        new SourceNormalizerRegistry([normalizer]), rig.Processor, blobs, queues, Options.Create(options), TimeProvider.System,
        TestMeters.Metrics(), NullLogger<IngestMessageHandler>.Instance);
}
