using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// One send across its attempts. <see cref="Unresolved"/> is true while a create request may have reached Twilio
/// without us hearing the answer (timeout, dropped connection, 5xx): the next attempt looks the message up before
/// creating it again, so a lost answer does not become a second SMS.
/// </summary>
internal sealed class SendState(SmsMessage message, DateTimeOffset startedAt)
{
    public SmsMessage Message { get; } = message;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public bool Unresolved { get; set; }

    public int Attempts { get; set; }
}
