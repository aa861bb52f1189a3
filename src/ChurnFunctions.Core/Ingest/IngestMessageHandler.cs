using System.Globalization;
using System.Net.Mime;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// The ingest queue's handler, shared by both hosts: envelopes in, transactions stored. A message holds one delivery,
/// or several when they arrived together (<see cref="IngestQueueWriter"/>); each is stored or poisoned on its own, in
/// order. A failure is rethrown so the message is retried (deliveries stored already are then duplicates, which write
/// nothing), except on the last allowed attempt or when no retry can help: then the delivery goes to the poison queue
/// with its reason, so nothing is dropped without a trace.
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
    // A reason lists field errors; a few thousand characters say what went wrong without crowding out the entry.
    private const int MaxReasonLength = 4096;

    public async Task<IngestOutcome> HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> envelopes;
        try
        {
            envelopes = IngestEnvelopeSerializer.Split(messageText);
        }
        catch (InvalidIngestMessageException ex)
        {
            await PoisonAsync(messageText, ex, dequeueCount, cancellationToken);
            return IngestOutcome.None;
        }

        var outcome = IngestOutcome.None;
        var poisoned = new List<(string Envelope, Exception Error)>();
        Exception? retry = null;
        foreach (var envelope in envelopes)
        {
            try
            {
                outcome = outcome.Add(await ProcessAsync(envelope, cancellationToken));
            }
            catch (Exception ex) when (ex is InvalidIngestMessageException || dequeueCount >= options.Value.MaxDequeueCount)
            {
                poisoned.Add((envelope, ex));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                retry ??= ex;
            }
        }

        // A retried message brings its hopeless deliveries back too: they are poisoned on the attempt that ends it, once.
        if (retry is not null)
        {
            ExceptionDispatchInfo.Throw(retry);
        }

        foreach (var (envelope, error) in poisoned)
        {
            await PoisonAsync(envelope, error, dequeueCount, cancellationToken);
        }

        return outcome;
    }

    private async Task PoisonAsync(string text, Exception error, long dequeueCount, CancellationToken cancellationToken)
    {
        var reason = error.Message.Length > MaxReasonLength ? error.Message[..MaxReasonLength] + "…" : error.Message;
        var entry = new PoisonEntry(reason, error.GetType().Name, dequeueCount, time.GetUtcNow(), text);
        var json = JsonSerializer.Serialize(entry, JsonSerializerOptions.Web);
        if (Encoding.UTF8.GetByteCount(json) > options.Value.MaxInlineBytes)
        {
            // Too large for a queue message (the escaped message can be six times its text): the reason and error must
            // survive whatever the message's size, so the message goes by claim check, as the HTTP side does.
            var blobName = string.Create(CultureInfo.InvariantCulture, $"poison/{entry.FailedAt:yyyy'/'MM'/'dd}/{Guid.NewGuid():N}");
            await blobs.PutAsync(
                Triggers.Triggers.IngestBodiesContainer, blobName, Encoding.UTF8.GetBytes(text), MediaTypeNames.Application.Octet, cancellationToken);
            json = JsonSerializer.Serialize(entry with { Message = null, MessageBlob = blobName }, JsonSerializerOptions.Web);
        }

        await queues.Get(Triggers.Triggers.IngestPoisonQueue).SendAsync(json, null, cancellationToken);
        LogPoisoned(logger, dequeueCount, error.GetType().Name, error);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest delivery moved to the poison queue after {DequeueCount} attempts ({Error})")]
    private static partial void LogPoisoned(ILogger logger, long dequeueCount, string error, Exception exception);
}
