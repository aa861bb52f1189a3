using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChurnFunctions.Fakes.SendGrid;

/// <summary>
/// Builds Event Webhook bodies shaped like SendGrid's: a JSON array of events with sg_event_id, sg_message_id
/// (the X-Message-Id plus SendGrid's filter suffix), a unix-seconds timestamp and the custom arg send_id at top level.
/// </summary>
public sealed class FakeSendGridEvents
{
    private readonly JsonArray _events = [];
    private int _sequence;

    public int Count => _events.Count;

    /// <summary>Adds one event for <paramref name="message"/>; <paramref name="extra"/> adds or overrides fields (reason, url, type...).</summary>
    public FakeSendGridEvents Add(string eventType, FakeSendGridMessage message, DateTimeOffset at, IReadOnlyDictionary<string, object?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Add(eventType, message.To[0], message.MessageId, message.SendId, at, extra);
    }

    public FakeSendGridEvents Add(
        string eventType, string email, string messageId, string? sendId, DateTimeOffset at, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var sequence = ++_sequence;
        var item = new JsonObject
        {
            ["email"] = email,
            ["timestamp"] = at.ToUnixTimeSeconds(),
            ["smtp-id"] = $"<{messageId}@geopod-ismtpd-1>",
            ["event"] = eventType,
            ["category"] = new JsonArray("winback"),
            ["sg_event_id"] = $"ZmFrZS1ldmVudC0{sequence:D6}",
            ["sg_message_id"] = $"{messageId}.recvd-5f8b7c8d9-x2x4p-1-65A1B2C3-{sequence}.0",
        };
        if (sendId is not null)
        {
            item["send_id"] = sendId;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            item[key] = JsonSerializer.SerializeToNode(value);
        }

        _events.Add(item);
        return this;
    }

    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(_events);

    public override string ToString() => _events.ToJsonString();
}
