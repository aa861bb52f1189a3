namespace ChurnFunctions.Core.Engagement;

/// <summary>A status callback for one of our sends. <see cref="To"/> is personal data: never log it.</summary>
public sealed record SmsStatusUpdate(
    string MessageSid,
    string? SendId,
    string Status,
    bool IsFinal,
    string? ErrorCode,
    string? To);
