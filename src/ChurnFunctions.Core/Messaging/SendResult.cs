namespace ChurnFunctions.Core.Messaging;

/// <summary>
/// What a provider said; <see cref="ErrorCode"/> is the provider's own code, <see cref="Detail"/> safe to log.
/// <see cref="MaybeSent"/> marks a <see cref="SendStatus.Transient"/> result whose request reached the provider but
/// whose answer was lost (a timeout, a connection dropped after the request was written): the provider may have
/// accepted it, so sending it again may send it twice.
/// </summary>
public sealed record SendResult(SendStatus Status, string? ProviderMessageId = null, string? ErrorCode = null, string? Detail = null, bool MaybeSent = false)
{
    public static SendResult Sent(string? providerMessageId) => new(SendStatus.Sent, providerMessageId);
}
