using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// SMS provider callbacks. Status: the delivery log per send, and error 21610 (the recipient had opted out) as an opt-out.
/// Inbound: STOP-family keywords withdraw SMS consent and suppress the number, START/UNSTOP grant it again and lift the
/// suppression; every reply reaches the customer's running campaigns as <see cref="SmsReplied"/>.
/// </summary>
public sealed partial class SmsActivityHandler(
    IProcessedEvents processed, ISmsDeliveryLog deliveries, ISuppressionList suppressions, ConsentRecorder consents,
    ICampaignEvents campaignEvents, TimeProvider time, ILogger<SmsActivityHandler> logger)
{
    public const string InboundSource = "twilio:inbound";
    public const string UnsubscribedSource = "twilio:21610";
    public const string UnsubscribedErrorCode = "21610";
    private const string DedupeSource = "twilio-inbound";

    public async Task HandleStatusAsync(SmsStatusUpdate update, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await deliveries.RecordAsync(
            new SmsDeliveryRecord(update.SendId ?? update.MessageSid, update.MessageSid, update.Status, update.ErrorCode, update.IsFinal, now),
            cancellationToken);
        if (update.ErrorCode == UnsubscribedErrorCode && consents.NormalizePhone(update.To) is { } phone)
        {
            await SetConsentAsync(phone, granted: false, UnsubscribedSource, now, cancellationToken);
        }
    }

    /// <returns>False when the message was handled before (a redelivery).</returns>
    public async Task<bool> HandleInboundAsync(SmsInbound message, CancellationToken cancellationToken)
    {
        if (!await processed.TryClaimAsync(DedupeSource, message.MessageSid, cancellationToken))
        {
            return false;
        }

        try
        {
            var now = time.GetUtcNow();
            var phone = consents.NormalizePhone(message.From);
            var customerId = message.Keyword == SmsKeyword.None || phone is null
                ? await consents.FindByPhoneAsync(phone, cancellationToken)
                : await SetConsentAsync(phone, message.Keyword == SmsKeyword.OptIn, InboundSource, now, cancellationToken);
            if (customerId is not null)
            {
                await campaignEvents.RaiseAsync(customerId, new SmsReplied(message.Body, now, message.Keyword == SmsKeyword.OptOut), cancellationToken);
            }

            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await processed.ReleaseAsync(DedupeSource, message.MessageSid, CancellationToken.None);
            throw;
        }
    }

    private async Task<string?> SetConsentAsync(string phone, bool granted, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (granted)
        {
            await suppressions.RemoveAsync(MessageChannel.Sms, phone, cancellationToken);
        }
        else
        {
            await suppressions.AddAsync(new SuppressionEntry(MessageChannel.Sms, phone, source, at), cancellationToken);
        }

        var customerId = await consents.FindByPhoneAsync(phone, cancellationToken);
        if (customerId is not null)
        {
            await consents.RecordAsync(customerId, new ConsentRecord(MessageChannel.Sms, granted, source, at), cancellationToken);
            LogConsent(logger, customerId, granted, source);
        }

        return customerId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS consent for customer {CustomerId} set to {Granted} by {ConsentSource}")]
    private static partial void LogConsent(ILogger logger, string customerId, bool granted, string consentSource);
}
