namespace ChurnFunctions.Core.Alerts;

internal static class AlertSendId
{
    /// <summary>One send per alert and channel: a redelivery is recognised by providers and the outbox.</summary>
    public static string For(Alert alert, string channel) => $"alert:{alert.Date:yyyyMMdd}:{alert.Condition}:{channel}";
}
