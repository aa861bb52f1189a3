using System.Text.Json;

namespace ChurnFunctions.Core.Sources.Shopify;

/// <summary>The category of an order or refund line item, one rule for both so a refund takes spend off the category its sale added to.</summary>
internal static class ShopifyLineCategory
{
    /// <summary>
    /// The line's product type when the payload carries one, else a line item property named "category" (set by a
    /// theme or app at checkout). Collections are not in order payloads. The vendor is a brand, not a category: a
    /// one-brand shop would put every line in the same "category", and losing it would be churn, not abandonment.
    /// </summary>
    public static string? Of(JsonElement line)
    {
        if (line.String("product_type") is { } productType)
        {
            return productType;
        }

        foreach (var property in line.Array("properties"))
        {
            if (string.Equals(property.String("name"), "category", StringComparison.OrdinalIgnoreCase) && property.String("value") is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
