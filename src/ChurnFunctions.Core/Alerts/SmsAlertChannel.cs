using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Alerts by SMS to <see cref="AlertOptions.StaffPhone"/>, through Twilio or the outbox.</summary>
public sealed class SmsAlertChannel(ISmsSender sender, IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "sms";

    public Task DeliverAsync(Alert alert, CancellationToken cancellationToken) =>
        sender.SendAsync(new SmsMessage(AlertSendId.For(alert, Name), options.Value.StaffPhone!, alert.Title), cancellationToken);
}
