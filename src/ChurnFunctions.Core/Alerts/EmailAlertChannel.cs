using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Alerts by email to <see cref="AlertOptions.StaffEmail"/>, through SendGrid or the outbox.</summary>
public sealed class EmailAlertChannel(IEmailSender sender, IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "email";

    public Task DeliverAsync(Alert alert, CancellationToken cancellationToken) =>
        sender.SendAsync(new EmailMessage(AlertSendId.For(alert, Name), options.Value.StaffEmail!, alert.Title, alert.Detail, Categories: ["alert"]), cancellationToken);
}
