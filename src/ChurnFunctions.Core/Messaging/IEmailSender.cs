namespace ChurnFunctions.Core.Messaging;

/// <summary>Sends email: SendGrid in production, the outbox locally.</summary>
public interface IEmailSender
{
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
