using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>Turns a webhook's form into the field map the validator and the parsers take.</summary>
public static class TwilioWebhookForm
{
    /// <summary>
    /// Every field of <paramref name="form"/>, or null when a field repeats: Twilio's message webhooks send each name
    /// once (media come as MediaUrl0, MediaUrl1, ...), so a repeated name is not a request Twilio made; answer 400.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? ToFields(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string>(form.Count, StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (values.Count != 1)
            {
                return null;
            }

            fields[name] = values[0] ?? string.Empty;
        }

        return fields;
    }
}
