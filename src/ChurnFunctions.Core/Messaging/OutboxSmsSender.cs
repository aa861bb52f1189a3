namespace ChurnFunctions.Core.Messaging;

/// <summary>The local default for SMS: records the message in the outbox; nothing leaves the machine.</summary>
public sealed class OutboxSmsSender(IOutbox outbox, TimeProvider time) : ISmsSender
{
    public async Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        await outbox.RecordAsync(new OutboxEntry(message.SendId, "sms", message.To, null, message.Body, time.GetUtcNow()), cancellationToken);
        return SendResult.Sent("outbox:" + message.SendId);
    }
}
