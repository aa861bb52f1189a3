using System.Diagnostics.CodeAnalysis;

namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>
/// One incoming message (form fields From, To, Body, MessageSid). <see cref="OptOutType"/> is set by Twilio when a
/// Messaging Service with Advanced Opt-Out recognised a keyword: STOP, START or HELP.
/// </summary>
public sealed record TwilioInboundMessage(string From, string To, string Body, string MessageSid, string? OptOutType = null)
{
    /// <summary>Twilio's own verdict (OptOutType) when it gave one, else <see cref="TwilioKeywords.Classify"/> of the body.</summary>
    public TwilioKeyword Keyword => OptOutType?.Trim().ToUpperInvariant() switch
    {
        "STOP" => TwilioKeyword.OptOut,
        "START" => TwilioKeyword.OptIn,
        "HELP" => TwilioKeyword.None,
        _ => TwilioKeywords.Classify(Body),
    };

    /// <summary>Parses the webhook form; false when From or MessageSid is missing. A media-only message has an empty body.</summary>
    public static bool TryParse(IReadOnlyDictionary<string, string> form, [NotNullWhen(true)] out TwilioInboundMessage? message)
    {
        ArgumentNullException.ThrowIfNull(form);
        message = null;
        var from = Field(form, "From");
        var sid = Field(form, "MessageSid") ?? Field(form, "SmsSid");
        if (from is null || sid is null)
        {
            return false;
        }

        message = new TwilioInboundMessage(
            from,
            Field(form, "To") ?? string.Empty,
            form.TryGetValue("Body", out var body) ? body : string.Empty,
            sid,
            Field(form, "OptOutType"));
        return true;
    }

    private static string? Field(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
