using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Ingest;

/// <summary>Webhook secrets, bound from "Webhooks" (Webhooks__Shopify__Secret and so on in app settings).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public ShopifyWebhookOptions Shopify { get; set; } = new();

    public WooCommerceWebhookOptions WooCommerce { get; set; } = new();

    public SquareWebhookOptions Square { get; set; } = new();

    /// <summary>Largest accepted body, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Country calling code (digits) for phone numbers a platform gives without one, e.g. "1".</summary>
    public string? DefaultCountryCode { get; set; }
}

public sealed class ShopifyWebhookOptions
{
    /// <summary>The app's client secret, which signs X-Shopify-Hmac-Sha256.</summary>
    public string? Secret { get; set; }
}

public sealed class WooCommerceWebhookOptions
{
    /// <summary>The secret entered when the webhook was created in WooCommerce.</summary>
    public string? Secret { get; set; }
}

public sealed class SquareWebhookOptions
{
    /// <summary>The subscription's signature key.</summary>
    public string? SignatureKey { get; set; }

    /// <summary>The notification URL exactly as registered with Square: it is part of the signed text.</summary>
    public string? NotificationUrl { get; set; }
}
