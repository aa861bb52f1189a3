namespace ChurnFunctions.Core.Messaging;

/// <summary>Sends SMS: Twilio in production, the outbox locally.</summary>
public interface ISmsSender
{
    Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
