using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// The ingest queue's handler, shared by both hosts: envelope in, transactions stored. A failure is rethrown so the
/// message is retried, except on its last allowed attempt (or when no retry can help): then the message goes to the
/// poison queue with its reason and the handler returns, so nothing is dropped without a trace.
/// </summary>
public sealed partial class IngestMessageHandler(
    SourceNormalizerRegistry normalizers,
    IngestProcessor processor,
    IBlobStore blobs,
    IMessageQueueFactory queues,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestMessageHandler> logger)
{
    public async Task<IngestOutcome> HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessAsync(messageText, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidIngestMessageException || dequeueCount >= options.Value.MaxDequeueCount)
        {
            var entry = new PoisonEntry(ex.Message, ex.GetType().Name, dequeueCount, time.GetUtcNow(), messageText);
            await queues.Get(Triggers.Triggers.IngestPoisonQueue).SendAsync(JsonSerializer.Serialize(entry), null, cancellationToken);
            LogPoisoned(logger, dequeueCount, ex.GetType().Name, ex);
            return IngestOutcome.None;
        }
    }

    private async Task<IngestOutcome> ProcessAsync(string messageText, CancellationToken cancellationToken)
    {
        var envelope = IngestEnvelopeSerializer.Deserialize(messageText);
        if (!normalizers.TryGet(envelope.Source, out var normalizer))
        {
            throw new InvalidIngestMessageException($"Unknown source '{envelope.Source}'.");
        }

        if (envelope.BodyBlob is { } blob)
        {
            var content = await blobs.GetAsync(Triggers.Triggers.IngestBodiesContainer, blob, cancellationToken)
                ?? throw new InvalidIngestMessageException($"Claim-check blob '{blob}' is missing.");
            envelope = envelope with { Body = Encoding.UTF8.GetString(content) };
        }

        var result = normalizer.Normalize(envelope);
        if (!result.IsValid && result.Transactions.Count == 0)
        {
            throw new InvalidIngestMessageException(
                "Invalid payload: " + string.Join("; ", result.Errors!.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        var outcome = await processor.ProcessAsync(result.Transactions, cancellationToken);
        LogProcessed(logger, envelope.Source, outcome.Stored, outcome.Duplicates);
        if (envelope.BodyBlob is { } done)
        {
            await blobs.DeleteAsync(Triggers.Triggers.IngestBodiesContainer, done, cancellationToken);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingested a {Source} delivery: {Stored} stored, {Duplicates} seen before")]
    private static partial void LogProcessed(ILogger logger, string source, int stored, int duplicates);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest message moved to the poison queue after {DequeueCount} attempts ({Error})")]
    private static partial void LogPoisoned(ILogger logger, long dequeueCount, string error, Exception exception);
}
