using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// A send whose outcome is not known yet. The message is kept as first rendered so a repeat (recovery, transient
/// retry) is the same message with the same send id, whatever the customer's data says by then.
/// </summary>
public sealed record PendingSend(string StepId, string SendId, MessageChannel Channel, EmailMessage? Email, SmsMessage? Sms, int Failures = 0)
{
    public CampaignAction ToAction() => Channel == MessageChannel.Email
        ? new SendEmail(StepId, SendId, Email!)
        : new SendSms(StepId, SendId, Sms!);
}
