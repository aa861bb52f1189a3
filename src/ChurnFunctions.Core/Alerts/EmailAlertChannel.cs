using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Alert digests by email to <see cref="AlertOptions.StaffEmail"/>, through SendGrid or the outbox.</summary>
public sealed class EmailAlertChannel(IEmailSender sender, IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "email";

    public Task DeliverAsync(AlertDigest digest, CancellationToken cancellationToken) =>
        sender.SendAsync(new EmailMessage(AlertSendId.For(digest, Name), options.Value.StaffEmail!, digest.Title, digest.Body, Categories: ["alert"]), cancellationToken);
}
