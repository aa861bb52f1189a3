using System.Globalization;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Telemetry;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// The ingest queue's handler, shared by both hosts: envelopes in, transactions stored. A message holds one delivery,
/// or several when they arrived together (<see cref="IngestQueueWriter"/>); each is stored or poisoned on its own, in
/// order. A failed delivery is put back on the queue to retry after a delay that doubles with each attempt (a refund
/// that overtook its order waits minutes for it), except on the last allowed attempt or when no retry can help: then
/// the delivery goes to the poison queue with its reason, so nothing is dropped without a trace.
/// </summary>
public sealed partial class IngestMessageHandler(
    SourceNormalizerRegistry normalizers,
    IngestProcessor processor,
    IBlobStore blobs,
    IMessageQueueFactory queues,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ChurnMetrics metrics,
    ILogger<IngestMessageHandler> logger)
{
    // A reason lists field errors; a few thousand characters say what went wrong without crowding out the entry.
    private const int MaxReasonLength = 4096;

    public async Task<IngestOutcome> HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        IngestRetryMessage message;
        try
        {
            message = IngestRetryMessage.Read(messageText);
        }
        catch (InvalidIngestMessageException ex)
        {
            await PoisonAsync(messageText, ex, dequeueCount, cancellationToken);
            return IngestOutcome.None;
        }

        // Counted across retries: the host's dequeue count starts again for each message the handler puts back.
        var attempt = message.AttemptsMade + dequeueCount;
        var outcome = IngestOutcome.None;
        var poisoned = new List<(string Envelope, Exception Error)>();
        var retried = new List<string>();
        Exception? retry = null;
        foreach (var envelope in message.Deliveries)
        {
            try
            {
                outcome = outcome.Add(await ProcessAsync(envelope, cancellationToken));
            }
            catch (Exception ex) when (ex is InvalidIngestMessageException || attempt >= options.Value.MaxDequeueCount)
            {
                poisoned.Add((envelope, ex));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                retried.Add(envelope);
                retry ??= ex;
            }
        }

        if (retry is not null)
        {
            await RetryLaterAsync(new IngestRetryMessage((int)attempt, retried), retry, cancellationToken);
        }

        foreach (var (envelope, error) in poisoned)
        {
            await PoisonAsync(envelope, error, attempt, cancellationToken);
        }

        return outcome;
    }

    // The Functions trigger retries a failed message after host.json's one fixed visibilityTimeout, and the isolated
    // worker cannot set it per message; so the handler puts the failed deliveries back itself, invisible for a delay
    // that grows with the attempt, and this message completes. In both hosts. Should the put fail, the exception makes
    // the host retry this message, whose deliveries already stored are then recognised and not written again.
    private async Task RetryLaterAsync(IngestRetryMessage retry, Exception error, CancellationToken cancellationToken)
    {
        var delay = RetryBackoff.Delay(options.Value.RetryDelay, options.Value.MaxRetryDelay, retry.AttemptsMade);
        await queues.Get(Triggers.Triggers.IngestQueue).SendAsync(retry.Write(), delay, cancellationToken);
        LogRetryScheduled(logger, retry.Deliveries.Count, retry.AttemptsMade, options.Value.MaxDequeueCount, error.GetType().Name, delay);
    }

    private async Task PoisonAsync(string text, Exception error, long attempt, CancellationToken cancellationToken)
    {
        var reason = error is OrderNotFoundException ? OrderNotFoundException.Reason
            : error.Message.Length > MaxReasonLength ? error.Message[..MaxReasonLength] + "…"
            : error.Message;
        var entry = new PoisonEntry(reason, error.GetType().Name, attempt, time.GetUtcNow(), text);
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
        metrics.IngestPoisoned(error);
        // The type, not the exception: its message may quote a field value such as an email (the entry keeps it).
        LogPoisoned(logger, attempt, error.GetType().Name);
    }

    private async Task<IngestOutcome> ProcessAsync(string messageText, CancellationToken cancellationToken)
    {
        var envelope = IngestEnvelopeSerializer.Deserialize(messageText);
        using var activity = ChurnTelemetry.StartIngestDelivery(envelope.Source, envelope.TraceParent, envelope.TraceState);
        try
        {
            return await ProcessAsync(envelope, cancellationToken);
        }
        catch (Exception ex)
        {
            activity.Fail(ex);
            throw;
        }
    }

    private async Task<IngestOutcome> ProcessAsync(IngestEnvelope envelope, CancellationToken cancellationToken)
    {
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
        metrics.IngestStored(envelope.Source, outcome.Stored);
        LogProcessed(logger, envelope.Source, outcome.Stored, outcome.Duplicates);
        if (envelope.BodyBlob is { } done)
        {
            await blobs.DeleteAsync(Triggers.Triggers.IngestBodiesContainer, done, cancellationToken);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingested a {Source} delivery: {Stored} stored, {Duplicates} seen before")]
    private static partial void LogProcessed(ILogger logger, string source, int stored, int duplicates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} ingest deliveries failed attempt {Attempt} of {MaxAttempts} ({Error}); retrying after {Delay}")]
    private static partial void LogRetryScheduled(ILogger logger, int count, int attempt, int maxAttempts, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest delivery moved to the poison queue after {DequeueCount} attempts ({Error})")]
    private static partial void LogPoisoned(ILogger logger, long dequeueCount, string error);
}
