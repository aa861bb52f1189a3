using System.Text.Json;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Privacy;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Sources.Shopify;

/// <summary>
/// Shopify's mandatory privacy webhooks, on the same URL as the order webhooks (X-Shopify-Topic tells them apart) and
/// signed the same way. customers/data_request stores an export document as a blob for the merchant;
/// customers/redact erases the customer (found by Shopify id, email, phone or one of the orders named);
/// shop/redact erases every customer holding a Shopify id, since the app serves the one shop its secret belongs to.
/// Handled while Shopify waits: they are rare and their answer says whether it was done.
/// </summary>
public sealed class ShopifyPrivacyWebhook(IOptions<WebhookOptions> options, PrivacyService privacy)
{
    public const string Actor = "shopify";

    public static bool Handles(string? topic) =>
        topic?.Trim().ToLowerInvariant() is "customers/data_request" or "customers/redact" or "shop/redact";

    public async Task<PrivacyWebhookResult> HandleAsync(IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (HmacSignature.Check(options.Value.Shopify.Secret, HeaderLookup.Find(headers, ShopifyNormalizer.SignatureHeader), null, body.Span) != SignatureCheck.Valid)
        {
            return PrivacyWebhookResult.Unauthorized;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return PrivacyWebhookResult.Invalid("body", "The body is not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return PrivacyWebhookResult.Invalid("body", "Expected a JSON object.");
        }

        var topic = HeaderLookup.Find(headers, ShopifyNormalizer.TopicHeader)?.Trim().ToLowerInvariant();
        if (topic == "shop/redact")
        {
            return Done(await privacy.EraseSourceAsync(SourceNames.Shopify, Actor, cancellationToken));
        }

        var customer = root.Object("customer");
        var identityKeys = new List<string>();
        if (customer?.Id("id") is { } id)
        {
            identityKeys.Add("shopify:" + id);
        }

        if (ContactNormalizer.Email(customer?.String("email")) is { } email)
        {
            identityKeys.Add(IdentityKeys.ForEmail(email));
        }

        if (ContactNormalizer.Phone(customer?.String("phone"), options.Value.PhoneRegion) is { } phone)
        {
            identityKeys.Add(IdentityKeys.ForPhone(phone));
        }

        var orders = root.Array(topic == "customers/redact" ? "orders_to_redact" : "orders_requested")
            .Select(o => o.ValueKind == JsonValueKind.Number ? o.GetRawText() : o.GetString())
            .Where(o => !string.IsNullOrEmpty(o))
            .Select(o => IdentityKeys.ForOrder(SourceNames.Shopify, "order:" + o))
            .ToList();
        if (identityKeys.Count == 0 && orders.Count == 0)
        {
            return PrivacyWebhookResult.Invalid("customer", "Give the customer's id, email or phone.");
        }

        if (topic == "customers/data_request")
        {
            await privacy.ExportToBlobAsync([.. identityKeys, .. orders], Actor, cancellationToken);
            return PrivacyWebhookResult.Done;
        }

        return Done(await privacy.EraseByIdentityAsync(identityKeys, orders, Actor, cancellationToken));
    }

    private static PrivacyWebhookResult Done(ErasureOutcome outcome) =>
        outcome.Refused ? PrivacyWebhookResult.NotConfigured : PrivacyWebhookResult.Done;
}
