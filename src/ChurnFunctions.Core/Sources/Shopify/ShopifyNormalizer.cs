using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Sources.Shopify;

/// <summary>
/// Shopify webhooks: orders/create, orders/paid and refunds/create. Both order topics map to the ExternalId
/// "order:{id}" so an order announced twice is stored once; a refund is "refund:{id}" with RefundOf "order:{order id}".
/// </summary>
/// <remarks>
/// Verify: X-Shopify-Hmac-Sha256 is the base64 HMAC-SHA256 of the raw body keyed with the app's client secret.
/// No secret configured -> <see cref="SignatureCheck.Invalid"/> for every delivery (fail closed).
/// </remarks>
public sealed class ShopifyNormalizer(IOptions<WebhookOptions> options) : ISourceNormalizer
{
    public const string TopicHeader = "X-Shopify-Topic";
    public const string SignatureHeader = "X-Shopify-Hmac-Sha256";
    public const string EventIdHeader = "X-Shopify-Event-Id";
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";

    public string Source => SourceNames.Shopify;

    public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];

    public IReadOnlyList<string> KeptHeaders { get; } =
    [
        TopicHeader, EventIdHeader, WebhookIdHeader, "X-Shopify-Shop-Domain", "X-Shopify-Triggered-At",
        "X-Shopify-API-Version",
    ];

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) =>
        HmacSignature.Check(options.Value.Shopify.Secret, HeaderLookup.Find(headers, SignatureHeader), null, body);

    public NormalizationResult Normalize(IngestEnvelope envelope)
    {
        var topic = envelope.Header(TopicHeader)?.Trim().ToLowerInvariant();
        if (topic is not ("orders/create" or "orders/paid" or "refunds/create"))
        {
            return NormalizationResult.Ignored($"Shopify topic '{topic ?? "(none)"}' carries no transaction.");
        }

        if (string.IsNullOrWhiteSpace(envelope.Body))
        {
            return NormalizationResult.Invalid("body", "The body is empty.");
        }

        // Shopify's own delivery id; the webhook id is the older header name for the same thing.
        var eventId = envelope.Header(EventIdHeader) ?? envelope.Header(WebhookIdHeader);
        try
        {
            using var document = JsonDocument.Parse(envelope.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return NormalizationResult.Invalid("body", "Expected a JSON object.");
            }

            return topic == "refunds/create"
                ? ShopifyRefundReader.Read(root, eventId)
                : ShopifyOrderReader.Read(root, eventId, options.Value.PhoneRegion);
        }
        catch (JsonException ex)
        {
            return NormalizationResult.Invalid("body", $"The body is not valid JSON: {ex.Message}");
        }
    }
}
