using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Fakes.Twilio;

/// <summary>
/// Signs webhook requests the way Twilio does, so tests can play Twilio calling us: the full URL, then each form
/// field's name and value sorted by name, HMAC-SHA1 with the auth token, base64. Kept separate from the adapter's
/// validator on purpose: the two are written independently and tested against Twilio's published example.
/// </summary>
public static class FakeTwilioSignature
{
    [SuppressMessage("Security", "CA5350", Justification = "Twilio's webhook signature is HMAC-SHA1 by definition.")]
    public static string Sign(string authToken, string fullUrl, IEnumerable<KeyValuePair<string, string>> formFields)
    {
        var data = fullUrl + string.Concat(formFields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + f.Value));
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>The form Twilio posts to a message's StatusCallback.</summary>
    public static Dictionary<string, string> StatusCallbackForm(
        FakeTwilioMessage message, string accountSid, string status, string? errorCode = null)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = accountSid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = message.From ?? "+15005550006",
            ["MessageSid"] = message.Sid,
            ["MessageStatus"] = status,
            ["SmsSid"] = message.Sid,
            ["SmsStatus"] = status,
            ["To"] = message.To,
        };
        if (message.MessagingServiceSid is not null)
        {
            form["MessagingServiceSid"] = message.MessagingServiceSid;
        }

        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }

        return form;
    }
}
