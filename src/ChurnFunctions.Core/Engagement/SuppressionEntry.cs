using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Engagement;

/// <summary>One suppressed address: why (<see cref="Source"/>, e.g. "sendgrid:bounce", "twilio:inbound") and since when.</summary>
public sealed record SuppressionEntry(MessageChannel Channel, string Address, string Source, DateTimeOffset At)
{
    /// <summary>
    /// The form the list keys on: email trimmed and lower case; a phone as E.164 through <see cref="PhoneIdentity"/>
    /// (the normalisation identities use), or trimmed when it carries no country code to read it by.
    /// </summary>
    public static string Normalize(MessageChannel channel, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        return channel == MessageChannel.Email ? trimmed.ToLowerInvariant() : PhoneIdentity.ToE164(trimmed, null) ?? trimmed;
    }
}
