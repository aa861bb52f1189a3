namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>A message's status as Twilio reports it ("MessageStatus" in callbacks, "status" in the API).</summary>
public enum TwilioMessageStatus
{
    /// <summary>A value this code does not know; <see cref="TwilioStatusCallback.RawStatus"/> holds it.</summary>
    Unknown,
    Accepted,
    Scheduled,
    Queued,
    Sending,
    Sent,
    Delivered,
    Undelivered,
    Failed,
    Read,
    Canceled,
    Receiving,
    Received,
    PartiallyDelivered,
}
