namespace ChurnFunctions.Core.Messaging;

/// <summary>The local default for email: records the rendered message in the outbox; nothing leaves the machine.</summary>
public sealed class OutboxEmailSender(IOutbox outbox, TimeProvider time) : IEmailSender
{
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await outbox.RecordAsync(
            new OutboxEntry(message.SendId, "email", message.To, message.Subject, message.TextBody, time.GetUtcNow(), message.TemplateId, message.TemplateData),
            cancellationToken);
        return SendResult.Sent("outbox:" + message.SendId);
    }
}
