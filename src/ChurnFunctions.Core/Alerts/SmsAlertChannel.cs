using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Alert digests by SMS to <see cref="AlertOptions.StaffPhone"/>, through Twilio or the outbox: the title and where the list is.</summary>
public sealed class SmsAlertChannel(ISmsSender sender, IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "sms";

    public Task DeliverAsync(AlertDigest digest, CancellationToken cancellationToken) =>
        sender.SendAsync(new SmsMessage(AlertSendId.For(digest, Name), options.Value.StaffPhone!, $"{digest.Title}: {digest.ListLink}"), cancellationToken);
}
