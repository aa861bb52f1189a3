using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ingest;

/// <summary>Webhook secrets, bound from "Webhooks" (Webhooks__Shopify__Secret and so on in app settings).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string SectionName = "Webhooks";

    public ShopifyWebhookOptions Shopify { get; set; } = new();

    public WooCommerceWebhookOptions WooCommerce { get; set; } = new();

    public SquareWebhookOptions Square { get; set; } = new();

    /// <summary>Largest accepted body, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The region (ISO 3166 code, e.g. US, GB, IT) whose numbering plan reads phone numbers a platform gives without a
    /// country code; a billing country on the order wins over it.
    /// </summary>
    public string? DefaultRegion { get; set; }

    /// <summary>
    /// The earlier setting: a calling code (digits, e.g. "1"). Still honoured as the main region of that code (1 is
    /// US, 44 GB) when <see cref="DefaultRegion"/> is not set.
    /// </summary>
    public string? DefaultCountryCode { get; set; }

    /// <summary>The region numbers without a country code are read in: <see cref="DefaultRegion"/>, else that of <see cref="DefaultCountryCode"/>.</summary>
    public string? PhoneRegion => string.IsNullOrWhiteSpace(DefaultRegion)
        ? PhoneIdentity.RegionOfCallingCode(DefaultCountryCode)
        : DefaultRegion.Trim().ToUpperInvariant();

    // Blank means unset (a deployed template carries ""), so [Url] and [RegularExpression] on the property do not fit.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(DefaultCountryCode) && !(DefaultCountryCode.Trim() is { Length: >= 1 and <= 3 } code && code.All(char.IsAsciiDigit)))
        {
            yield return new ValidationResult("Use the calling code's 1-3 digits without '+', e.g. 1 or 44.", [nameof(DefaultCountryCode)]);
        }

        if (!string.IsNullOrWhiteSpace(DefaultRegion) && !PhoneIdentity.IsSupportedRegion(DefaultRegion))
        {
            yield return new ValidationResult("Use an ISO 3166 region code with a phone numbering plan, e.g. US, GB or IT.", [nameof(DefaultRegion)]);
        }

        if (!string.IsNullOrWhiteSpace(Square.NotificationUrl)
            && !(Uri.TryCreate(Square.NotificationUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            yield return new ValidationResult(
                "Use the absolute URL registered with Square (it is part of the signed text).", [$"{nameof(Square)}:{nameof(SquareWebhookOptions.NotificationUrl)}"]);
        }
    }
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

    /// <summary>
    /// The line-item meta_data key holding the product category. WooCommerce's order payload carries no categories
    /// (line items have product_id, name, sku and meta_data); a store that wants category abandonment adds this meta
    /// to each line at checkout (docs/analytics-models.md). Lines without it have no category.
    /// </summary>
    public string CategoryMetaKey { get; set; } = "category";
}

public sealed class SquareWebhookOptions
{
    /// <summary>The subscription's signature key.</summary>
    public string? SignatureKey { get; set; }

    /// <summary>The notification URL exactly as registered with Square: it is part of the signed text.</summary>
    public string? NotificationUrl { get; set; }
}
