using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Customers;

/// <summary>The identity index keys of a buyer, strongest first: platform id, then email, then phone.</summary>
public static class IdentityKeys
{
    public static string ForEmail(string normalizedEmail) => "email:" + normalizedEmail;

    public static string ForPhone(string e164Phone) => "phone:" + e164Phone;

    /// <summary>
    /// The keys a phone may be stored under, current first: its E.164 key, then the key the rule before libphonenumber
    /// gave it when that differs (<see cref="PhoneIdentity.LegacyForm"/>). Lookups try both; new keys are E.164 only.
    /// </summary>
    public static IReadOnlyList<string> ForPhoneLookup(string e164Phone) =>
        PhoneIdentity.LegacyForm(e164Phone) is { } legacy ? [ForPhone(e164Phone), ForPhone(legacy)] : [ForPhone(e164Phone)];

    /// <summary>The key that finds an order's buyer, for refunds that arrive without one (Shopify's refunds/create).</summary>
    public static string ForOrder(string source, string orderExternalId) => $"order:{source}:{orderExternalId}";

    public static IReadOnlyList<string> For(CustomerIdentity identity)
    {
        var keys = new List<string>(3);
        if (identity.PlatformKey is { } platform)
        {
            keys.Add(platform);
        }

        if (identity.Email is { } email)
        {
            keys.Add(ForEmail(email));
        }

        if (identity.Phone is { } phone)
        {
            keys.Add(ForPhone(phone));
        }

        return keys;
    }
}
