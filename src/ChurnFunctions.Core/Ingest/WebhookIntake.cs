using System.Diagnostics;
using System.Net.Mime;
using System.Text;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// The HTTP side of ingest, shared by both hosts: checks size, content type and signature, validates, and puts the
/// raw delivery on the ingest queue (by claim check when it is too large for a message). Nothing is enqueued or
/// written for a rejected delivery; the platform gets its answer without waiting for storage of the transaction.
/// </summary>
public sealed partial class WebhookIntake(
    SourceNormalizerRegistry normalizers,
    IngestQueueWriter queue,
    IBlobStore blobs,
    IOptions<WebhookOptions> webhookOptions,
    IOptions<IngestOptions> ingestOptions,
    TimeProvider time,
    ChurnMetrics metrics,
    ILogger<WebhookIntake> logger)
{
    public int MaxBodyBytes => webhookOptions.Value.MaxBodyBytes;

    public async Task<IntakeResult> AcceptAsync(
        string source, string? contentType, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var normalizer = normalizers.Get(source);
        if (body.Length > MaxBodyBytes)
        {
            return new(IntakeStatus.TooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        var mediaType = HeaderLookup.MediaTypeOf(contentType);
        if (mediaType is null || !normalizer.ContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return new(IntakeStatus.UnsupportedMediaType, $"Content type must be {string.Join(" or ", normalizer.ContentTypes)}.");
        }

        switch (normalizer.Verify(headers, body.Span))
        {
            case SignatureCheck.UnsignedPing:
                return new(IntakeStatus.Acknowledged);
            case SignatureCheck.Missing:
                return new(IntakeStatus.Unauthorized, "The signature or key is missing.");
            case SignatureCheck.Invalid:
                return new(IntakeStatus.Unauthorized, "The signature or key is not valid.");
        }

        var kept = normalizer.KeptHeaders
            .Select(name => (name, value: HeaderLookup.Find(headers, name)))
            .Where(h => h.value is not null)
            .ToDictionary(h => h.name, h => h.value!, StringComparer.OrdinalIgnoreCase);
        var envelope = new IngestEnvelope(source, time.GetUtcNow(), kept, Encoding.UTF8.GetString(body.Span));

        var validation = normalizer.Normalize(envelope);
        if (!validation.IsValid)
        {
            return new(IntakeStatus.Invalid, "The payload has invalid fields.", validation.Errors);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ingestOptions.Value.EnqueueTimeout);
        try
        {
            await EnqueueAsync(envelope, deadline.Token);
            metrics.IngestAccepted(source);
            return IntakeResult.Accepted;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The platform retries on 5xx; answering 503 here is what keeps the delivery from being lost.
            LogEnqueueFailed(logger, source, ex.GetType().Name, ex);
            return new(IntakeStatus.Unavailable, "Storage is unavailable; retry later.");
        }
    }

    /// <summary>Puts an envelope on the ingest queue, through a claim-check blob when it is too large.</summary>
    public async Task EnqueueAsync(IngestEnvelope envelope, CancellationToken cancellationToken)
    {
        using var activity = ChurnTelemetry.StartEnvelopeCreate(envelope.Source);
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current)
        {
            // The id of a W3C activity is its traceparent; the queue handler's span takes it as its parent.
            envelope = envelope with { TraceParent = current.Id, TraceState = current.TraceStateString };
        }

        try
        {
            await PutAsync(envelope, cancellationToken);
        }
        catch (Exception ex)
        {
            activity.Fail(ex);
            throw;
        }
    }

    private async Task PutAsync(IngestEnvelope envelope, CancellationToken cancellationToken)
    {
        var text = IngestEnvelopeSerializer.Serialize(envelope);
        if (Encoding.UTF8.GetByteCount(text) > ingestOptions.Value.MaxInlineBytes)
        {
            var blobName = $"{envelope.Source}/{envelope.ReceivedAt:yyyy/MM/dd}/{Guid.NewGuid():N}";
            await blobs.PutAsync(
                Triggers.Triggers.IngestBodiesContainer, blobName, Encoding.UTF8.GetBytes(envelope.Body!), MediaTypeNames.Application.Octet, cancellationToken);
            text = IngestEnvelopeSerializer.Serialize(envelope with { Body = null, BodyBlob = blobName });
        }

        await queue.WriteAsync(text, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue a {Source} delivery ({Error}); answered 503")]
    private static partial void LogEnqueueFailed(ILogger logger, string source, string error, Exception exception);
}
