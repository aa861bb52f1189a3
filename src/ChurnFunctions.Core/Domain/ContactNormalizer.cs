using System.Net.Mail;
using System.Text;

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
    /// E.164 form (+ and 8 to 15 digits). A number without a country code takes <paramref name="defaultCountryCode"/>
    /// (digits only, e.g. "1"); a national trunk prefix 0 is dropped. Returns null when it cannot be a phone number.
    /// </summary>
    public static string? Phone(string? raw, string? defaultCountryCode = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        string number;
        if (text.StartsWith('+'))
        {
            number = digits.ToString();
        }
        else if (text.StartsWith("00", StringComparison.Ordinal))
        {
            number = digits.ToString(2, digits.Length - 2);
        }
        else if (defaultCountryCode is not null)
        {
            var national = digits.ToString().TrimStart('0');
            number = national.StartsWith(defaultCountryCode, StringComparison.Ordinal) && digits.Length > 10
                ? national
                : defaultCountryCode + national;
        }
        else
        {
            return null;
        }

        return number.Length is >= 8 and <= 15 && number[0] != '0' ? "+" + number : null;
    }
}
