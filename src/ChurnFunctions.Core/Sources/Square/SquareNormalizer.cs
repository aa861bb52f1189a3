using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Sources.Square;

/// <summary>
/// Square payment.created / payment.updated and refund.created / refund.updated events. A payment is stored once it
/// is COMPLETED, as "payment:{id}", and a refund likewise as "refund:{id}": the several events of one store once.
/// </summary>
/// <remarks>
/// Verify: x-square-hmacsha256-signature is the base64 HMAC-SHA256 of the notification URL (exactly as registered)
/// followed by the raw body, keyed with the subscription's signature key. A missing key or URL ->
/// <see cref="SignatureCheck.Invalid"/> for every delivery (fail closed).
/// </remarks>
public sealed class SquareNormalizer(IOptions<WebhookOptions> options) : ISourceNormalizer
{
    public const string SignatureHeader = "x-square-hmacsha256-signature";

    public string Source => SourceNames.Square;

    public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];

    public IReadOnlyList<string> KeptHeaders { get; } = ["Square-Initial-Delivery-Timestamp", "Square-Retry-Number"];

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var square = options.Value.Square;
        if (string.IsNullOrEmpty(square.NotificationUrl))
        {
            return SignatureCheck.Invalid;
        }

        return HmacSignature.Check(square.SignatureKey, HeaderLookup.Find(headers, SignatureHeader), square.NotificationUrl, body);
    }

    public NormalizationResult Normalize(IngestEnvelope envelope)
    {
        if (string.IsNullOrWhiteSpace(envelope.Body))
        {
            return NormalizationResult.Invalid("body", "The body is empty.");
        }

        try
        {
            using var document = JsonDocument.Parse(envelope.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return NormalizationResult.Invalid("body", "Expected a JSON object.");
            }

            var type = root.String("type")?.ToLowerInvariant();
            var data = root.Object("data")?.Object("object");
            return type switch
            {
                "payment.created" or "payment.updated" => data?.Object("payment") is { } payment
                    ? SquarePaymentReader.Read(payment, root.String("event_id"))
                    : NormalizationResult.Invalid("data.object.payment", "The event holds no payment."),
                "refund.created" or "refund.updated" => data?.Object("refund") is { } refund
                    ? SquareRefundReader.Read(refund, root.String("event_id"))
                    : NormalizationResult.Invalid("data.object.refund", "The event holds no refund."),
                _ => NormalizationResult.Ignored($"Square event type '{type ?? "(none)"}' carries no transaction."),
            };
        }
        catch (JsonException ex)
        {
            return NormalizationResult.Invalid("body", $"The body is not valid JSON: {ex.Message}");
        }
    }
}
