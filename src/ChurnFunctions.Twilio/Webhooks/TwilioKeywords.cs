namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>
/// Twilio's default English opt-out and opt-in keywords for long codes and Messaging Services.
/// Opt-out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT (Twilio's Advanced Opt-Out guide).
/// Opt-in: START, UNSTOP and YES: Twilio's "support for opt-out keywords" article lists all three as re-subscribing a
/// long-code recipient. On toll-free numbers the carrier layer also honours START and UNSTOP; a YES there opts in at
/// Twilio but not at the carrier, and a later send is then answered 21610, which records the opt-out again.
/// Like Twilio, only a message that is the keyword alone counts ("STOP" does, "please stop" does not), ignoring case
/// and surrounding white space. With Advanced Opt-Out, custom keywords arrive as the OptOutType field instead; see
/// <see cref="TwilioInboundMessage.Keyword"/>.
/// </summary>
public static class TwilioKeywords
{
    private static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    private static readonly HashSet<string> OptIn = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "YES" };

    public static TwilioKeyword Classify(string? body)
    {
        var word = body?.Trim();
        if (string.IsNullOrEmpty(word))
        {
            return TwilioKeyword.None;
        }

        return OptOut.Contains(word) ? TwilioKeyword.OptOut
            : OptIn.Contains(word) ? TwilioKeyword.OptIn
            : TwilioKeyword.None;
    }
}
