namespace ChurnFunctions.Core.Engagement;

/// <summary>The latest status Twilio reported for one of our sends (<see cref="SendId"/>, else the MessageSid).</summary>
public sealed record SmsDeliveryRecord(
    string SendId,
    string MessageSid,
    string Status,
    string? ErrorCode,
    bool IsFinal,
    DateTimeOffset At);
