using System.Text.Json;
using System.Text.RegularExpressions;
using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Sources.WooCommerce;

/// <summary>
/// WooCommerce order webhooks (order.created, order.updated). Only paid orders are stored, as "order:{id}", so
/// the several updates an order goes through store once; the event id "{id}:{date_modified_gmt}" names the order
/// version (WooCommerce's delivery id changes with every retry, so it cannot deduplicate).
/// </summary>
/// <remarks>
/// Verify: X-WC-Webhook-Signature is the base64 HMAC-SHA256 of the raw body keyed with the webhook's secret.
/// No secret configured -> <see cref="SignatureCheck.Invalid"/> (fail closed). The one unsigned delivery WooCommerce
/// makes, the ping sent when a webhook is saved (form-encoded "webhook_id=N"), is <see cref="SignatureCheck.UnsignedPing"/>:
/// answer 200 and store nothing. Any other unsigned request is <see cref="SignatureCheck.Missing"/>.
/// </remarks>
public sealed partial class WooCommerceNormalizer(IOptions<WebhookOptions> options) : ISourceNormalizer
{
    public const string TopicHeader = "X-WC-Webhook-Topic";
    public const string SignatureHeader = "X-WC-Webhook-Signature";

    private const string FormContentType = "application/x-www-form-urlencoded";

    public string Source => SourceNames.WooCommerce;

    public IReadOnlyList<string> ContentTypes { get; } = ["application/json", FormContentType];

    public IReadOnlyList<string> KeptHeaders { get; } =
    [
        TopicHeader, "X-WC-Webhook-Resource", "X-WC-Webhook-Event", "X-WC-Webhook-ID", "X-WC-Webhook-Delivery-ID",
        "X-WC-Webhook-Source",
    ];

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var signature = HeaderLookup.Find(headers, SignatureHeader);
        if (string.IsNullOrWhiteSpace(signature) && IsPing(HeaderLookup.MediaType(headers), body))
        {
            return SignatureCheck.UnsignedPing;
        }

        return HmacSignature.Check(options.Value.WooCommerce.Secret, signature, null, body);
    }

    public NormalizationResult Normalize(IngestEnvelope envelope)
    {
        var topic = envelope.Header(TopicHeader)?.Trim().ToLowerInvariant();
        if (topic is not ("order.created" or "order.updated"))
        {
            return NormalizationResult.Ignored($"WooCommerce topic '{topic ?? "(none)"}' carries no transaction.");
        }

        if (string.IsNullOrWhiteSpace(envelope.Body))
        {
            return NormalizationResult.Invalid("body", "The body is empty.");
        }

        if (PingBody().IsMatch(envelope.Body))
        {
            return NormalizationResult.Ignored("WooCommerce webhook ping.");
        }

        try
        {
            using var document = JsonDocument.Parse(envelope.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? WooCommerceOrderReader.Read(document.RootElement, options.Value.PhoneRegion, options.Value.WooCommerce.CategoryMetaKey)
                : NormalizationResult.Invalid("body", "Expected a JSON object.");
        }
        catch (JsonException ex)
        {
            return NormalizationResult.Invalid("body", $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Exactly the creation ping: form-encoded and nothing but webhook_id=digits.</summary>
    private static bool IsPing(string? mediaType, ReadOnlySpan<byte> body)
    {
        const int maxPingLength = 40;
        if (mediaType != FormContentType || body.Length is 0 or > maxPingLength)
        {
            return false;
        }

        Span<char> text = stackalloc char[maxPingLength];
        for (var i = 0; i < body.Length; i++)
        {
            text[i] = (char)body[i];
        }

        return PingBody().IsMatch(text[..body.Length]);
    }

    [GeneratedRegex(@"^webhook_id=[0-9]{1,20}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PingBody();
}
