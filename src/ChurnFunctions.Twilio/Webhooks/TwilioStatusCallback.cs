using System.Diagnostics.CodeAnalysis;

namespace ChurnFunctions.Twilio.Webhooks;

/// <summary>
/// One status callback for an outbound message (form fields MessageSid, MessageStatus, ErrorCode, To, ...), with our
/// <see cref="SendId"/> taken from the callback URL's query. Callbacks can arrive out of order and more than once.
/// </summary>
public sealed record TwilioStatusCallback(
    string MessageSid,
    TwilioMessageStatus Status,
    string RawStatus,
    string? ErrorCode,
    string? To,
    string? SendId,
    string? AccountSid)
{
    /// <summary>Delivered, read, undelivered, failed or canceled: no later status is expected.</summary>
    public bool IsFinal => Status is TwilioMessageStatus.Delivered or TwilioMessageStatus.Read
        or TwilioMessageStatus.Undelivered or TwilioMessageStatus.Failed or TwilioMessageStatus.Canceled;

    /// <summary>Undelivered or failed (<see cref="ErrorCode"/> says why, e.g. 30003 unreachable handset).</summary>
    public bool IsFailure => Status is TwilioMessageStatus.Undelivered or TwilioMessageStatus.Failed;

    /// <summary>
    /// Parses the callback form; false when MessageSid or MessageStatus is missing. The legacy SmsSid/SmsStatus
    /// fields are read when the newer ones are absent.
    /// </summary>
    public static bool TryParse(
        IReadOnlyDictionary<string, string> form, string? sendId, [NotNullWhen(true)] out TwilioStatusCallback? callback)
    {
        ArgumentNullException.ThrowIfNull(form);
        callback = null;
        var sid = Field(form, "MessageSid") ?? Field(form, "SmsSid");
        var status = Field(form, "MessageStatus") ?? Field(form, "SmsStatus");
        if (sid is null || status is null)
        {
            return false;
        }

        callback = new TwilioStatusCallback(
            sid,
            ParseStatus(status),
            status,
            Field(form, "ErrorCode"),
            Field(form, "To"),
            string.IsNullOrWhiteSpace(sendId) ? null : sendId,
            Field(form, "AccountSid"));
        return true;
    }

    /// <summary>Maps Twilio's lower-case status names ("partially_delivered" included); anything else is Unknown.</summary>
    public static TwilioMessageStatus ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "accepted" => TwilioMessageStatus.Accepted,
        "scheduled" => TwilioMessageStatus.Scheduled,
        "queued" => TwilioMessageStatus.Queued,
        "sending" => TwilioMessageStatus.Sending,
        "sent" => TwilioMessageStatus.Sent,
        "delivered" => TwilioMessageStatus.Delivered,
        "undelivered" => TwilioMessageStatus.Undelivered,
        "failed" => TwilioMessageStatus.Failed,
        "read" => TwilioMessageStatus.Read,
        "canceled" => TwilioMessageStatus.Canceled,
        "receiving" => TwilioMessageStatus.Receiving,
        "received" => TwilioMessageStatus.Received,
        "partially_delivered" => TwilioMessageStatus.PartiallyDelivered,
        _ => TwilioMessageStatus.Unknown,
    };

    private static string? Field(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
