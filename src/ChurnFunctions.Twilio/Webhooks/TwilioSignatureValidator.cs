using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>
/// Checks the X-Twilio-Signature of a form-encoded webhook, per Twilio's documented scheme: take the full URL Twilio
/// called (scheme, host, path and query string exactly as configured), append every POST field's name then value,
/// fields sorted by name (ordinal), with no delimiters; HMAC-SHA1 the UTF-8 bytes with the auth token as the key;
/// base64 the digest. Twilio adds fields without notice, so pass every field received, not only the known ones.
/// </summary>
public static class TwilioSignatureValidator
{
    /// <summary>True when <paramref name="signatureHeader"/> is the signature of this URL and form (constant-time compare).</summary>
    public static bool IsValid(string authToken, string fullUrl, IReadOnlyDictionary<string, string> formFields, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(authToken, fullUrl, formFields));
        var actual = Encoding.UTF8.GetBytes(signatureHeader.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The base64 signature Twilio would send for this URL and form.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "Twilio's webhook signature is HMAC-SHA1 by definition.")]
    public static string Sign(string authToken, string fullUrl, IReadOnlyDictionary<string, string> formFields)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentException.ThrowIfNullOrEmpty(fullUrl);
        ArgumentNullException.ThrowIfNull(formFields);

        var data = new StringBuilder(fullUrl);
        foreach (var field in formFields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }
}
