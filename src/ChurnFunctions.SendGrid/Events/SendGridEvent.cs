namespace ChurnFunctions.SendGrid.Events;

/// <summary>
/// One Event Webhook event, reduced to what the pipeline uses. <see cref="EventId"/> (sg_event_id) is unique per
/// event and the key for deduplicating redeliveries. <see cref="SendId"/> is our custom arg send_id.
/// <see cref="ProviderMessageId"/> is sg_message_id cut at the first '.', which equals the X-Message-Id the send got.
/// <see cref="Reason"/> is the bounce/drop reason or the deferral response. <see cref="Suppresses"/> is true when
/// SendGrid will not deliver to the address again: a bounce (not a "blocked" bounce), dropped, spamreport,
/// unsubscribe, group_unsubscribe. <see cref="Email"/> is personal data: never log it.
/// </summary>
public sealed record SendGridEvent(
    string EventId,
    string Type,
    string? Email,
    DateTimeOffset At,
    string? SendId,
    string? ProviderMessageId,
    string? Url,
    string? Reason,
    bool Suppresses);
