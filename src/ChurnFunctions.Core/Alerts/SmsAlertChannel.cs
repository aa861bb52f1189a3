using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Alert digests by SMS to <see cref="AlertOptions.StaffPhone"/>, through Twilio or the outbox: the title and where the list is.</summary>
public sealed class SmsAlertChannel(ISmsSender sender, IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "sms";

    public Task DeliverAsync(AlertDigest digest, CancellationToken cancellationToken) =>
        sender.SendAsync(new SmsMessage(AlertSendId.For(digest, Name), PhoneIdentity.ToE164(options.Value.StaffPhone, null) ?? options.Value.StaffPhone!, $"{digest.Title}: {digest.ListLink}"), cancellationToken);
}
