using System.Text.Json;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Sources.Shopify;

/// <summary>The buyer of a Shopify order: ids, contact details and marketing consent.</summary>
internal static class ShopifyCustomerReader
{
    public static CustomerIdentity? Read(JsonElement order, DateTimeOffset orderCreatedAt, string? defaultRegion)
    {
        var customer = order.Object("customer") ?? default;
        var billing = order.Object("billing_address") ?? default;
        var shipping = order.Object("shipping_address") ?? default;

        var customerId = customer.Id("id");
        var email = ContactNormalizer.Email(order.String("email") ?? order.String("contact_email") ?? customer.String("email"));
        var region = PhoneIdentity.RegionOr(billing.String("country_code") ?? shipping.String("country_code"), defaultRegion);
        var phone = ContactNormalizer.Phone(
            customer.String("phone") ?? order.String("phone") ?? billing.String("phone") ?? shipping.String("phone"),
            region);

        var identity = new CustomerIdentity(
            customerId is null ? null : "shopify:" + customerId,
            email,
            phone,
            customer.String("first_name") ?? billing.String("first_name"),
            customer.String("last_name") ?? billing.String("last_name"),
            Consents: ReadConsents(customer, orderCreatedAt));
        return identity.IsAnonymous ? null : identity;
    }

    private static List<ConsentRecord> ReadConsents(JsonElement customer, DateTimeOffset orderCreatedAt)
    {
        var consents = new List<ConsentRecord>(2);
        var email = FromState(customer.Object("email_marketing_consent"), MessageChannel.Email, orderCreatedAt)
                    ?? FromLegacy(customer, orderCreatedAt);
        if (email is not null)
        {
            consents.Add(email);
        }

        if (FromState(customer.Object("sms_marketing_consent"), MessageChannel.Sms, orderCreatedAt) is { } sms)
        {
            consents.Add(sms);
        }

        return consents;
    }

    /// <summary>
    /// "subscribed" grants; "unsubscribed" and "not_subscribed" refuse. "pending" (double opt-in not yet confirmed),
    /// "invalid" and "redacted" are no statement either way, so they yield nothing. Without consent_updated_at the
    /// state is dated by the order: the time Shopify vouched for it.
    /// </summary>
    private static ConsentRecord? FromState(JsonElement? consent, MessageChannel channel, DateTimeOffset orderCreatedAt)
    {
        if (consent is not { } value)
        {
            return null;
        }

        bool? granted = value.String("state")?.ToLowerInvariant() switch
        {
            "subscribed" => true,
            "unsubscribed" or "not_subscribed" => false,
            _ => null,
        };
        return granted is null
            ? null
            : new ConsentRecord(channel, granted.Value, "shopify", value.Timestamp("consent_updated_at") ?? orderCreatedAt);
    }

    /// <summary>accepts_marketing predates email_marketing_consent; older API versions send only it.</summary>
    private static ConsentRecord? FromLegacy(JsonElement customer, DateTimeOffset orderCreatedAt) =>
        customer.Boolean("accepts_marketing") is { } accepts
            ? new ConsentRecord(MessageChannel.Email, accepts, "shopify",
                customer.Timestamp("accepts_marketing_updated_at") ?? orderCreatedAt)
            : null;
}
