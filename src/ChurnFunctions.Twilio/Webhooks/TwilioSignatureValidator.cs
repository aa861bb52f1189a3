using Twilio.Security;

namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>
/// Checks the X-Twilio-Signature of a form-encoded webhook with the Twilio package's <see cref="RequestValidator"/>
/// (HMAC-SHA1 of the full URL Twilio called followed by every POST field's name and value sorted by name, keyed with
/// the auth token). Twilio adds fields without notice, so pass every field received, not only the known ones.
/// </summary>
/// <remarks>
/// Stricter than the SDK on its own in two ways. The fields come from <see cref="TwilioWebhookForm.ToFields"/>, which
/// refuses a form that repeats a name: the SDK signs a repeated field as one comma-joined value, so a request Twilio
/// signed with Body "STOP,please" would also validate as Body=STOP&amp;Body=please, and a handler reading the first
/// value would act on a STOP nobody sent. And a missing or empty header is a plain "not valid" here, where the SDK
/// throws.
/// </remarks>
public static class TwilioSignatureValidator
{
    /// <summary>True when <paramref name="signatureHeader"/> is Twilio's signature of this URL and form.</summary>
    public static bool IsValid(string authToken, string fullUrl, IReadOnlyDictionary<string, string> formFields, string? signatureHeader)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentException.ThrowIfNullOrEmpty(fullUrl);
        ArgumentNullException.ThrowIfNull(formFields);
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        var fields = new Dictionary<string, string>(formFields, StringComparer.Ordinal);
        return new RequestValidator(authToken).Validate(fullUrl, fields, signatureHeader);
    }
}
