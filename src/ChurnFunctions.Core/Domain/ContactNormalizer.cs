using System.Net.Mail;

namespace ChurnFunctions.Core.Domain;

/// <summary>Normalises contact details so that the same person found through two platforms matches.</summary>
public static class ContactNormalizer
{
    /// <summary>Trimmed, lower-case address, or null when it is not an address.</summary>
    public static string? Email(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var trimmed = raw.Trim().ToLowerInvariant();
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed ? trimmed : null;
    }

    /// <summary>
    /// E.164 form through <see cref="PhoneIdentity"/>: a number without its country code is read in
    /// <paramref name="defaultRegion"/> (an ISO 3166 code such as US, GB, IT). Null when it cannot be a phone number.
    /// </summary>
    public static string? Phone(string? raw, string? defaultRegion = null) => PhoneIdentity.ToE164(raw, defaultRegion);
}
