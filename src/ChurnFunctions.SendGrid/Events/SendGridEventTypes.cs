namespace ChurnFunctions.SendGrid.Events;

/// <summary>The "event" values SendGrid posts; others (account events, future types) pass through unchanged.</summary>
public static class SendGridEventTypes
{
    public const string Processed = "processed";
    public const string Deferred = "deferred";
    public const string Delivered = "delivered";
    public const string Open = "open";
    public const string Click = "click";
    public const string Bounce = "bounce";
    public const string Dropped = "dropped";
    public const string SpamReport = "spamreport";
    public const string Unsubscribe = "unsubscribe";
    public const string GroupUnsubscribe = "group_unsubscribe";
    public const string GroupResubscribe = "group_resubscribe";

    /// <summary>The bounce event's "type" for a block: the receiving server refused this message, not the address.</summary>
    public const string BlockedBounceType = "blocked";
}
