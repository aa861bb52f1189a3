namespace ChurnFunctions.Core.Sources.Shopify;

/// <summary>How a privacy webhook ended: done (200), bad signature (401), bad payload (400 naming the field), or not configured (503).</summary>
public sealed record PrivacyWebhookResult(int Status, string? Field = null, string? Detail = null)
{
    public static PrivacyWebhookResult Done { get; } = new(200);

    public static PrivacyWebhookResult Unauthorized { get; } = new(401, Detail: "The X-Shopify-Hmac-Sha256 signature is missing or wrong.");

    public static PrivacyWebhookResult NotConfigured { get; } = new(503, Detail: "Erasure needs Privacy__IdentitySalt to be set.");

    public static PrivacyWebhookResult Invalid(string field, string detail) => new(400, field, detail);
}
