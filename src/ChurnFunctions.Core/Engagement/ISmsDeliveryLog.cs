namespace ChurnFunctions.Core.Engagement;

/// <summary>Delivery status per SMS send, from Twilio's status callbacks.</summary>
public interface ISmsDeliveryLog
{
    /// <summary>
    /// Records <paramref name="record"/> unless a final status is stored already (callbacks arrive out of order: a late
    /// "sent" must not replace "delivered").
    /// </summary>
    Task RecordAsync(SmsDeliveryRecord record, CancellationToken cancellationToken);

    Task<SmsDeliveryRecord?> GetAsync(string sendId, CancellationToken cancellationToken);
}
