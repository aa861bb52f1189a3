using System.Globalization;
using System.Text.Json;

namespace ChurnFunctions.SendGrid.Events;

/// <summary>
/// Parses an Event Webhook body: a JSON array of event objects. Each needs "event", "sg_event_id" and a unix-seconds
/// "timestamp"; custom args (send_id) sit at the top level of the event.
/// </summary>
public static class SendGridEventParser
{
    /// <exception cref="SendGridEventFormatException">The body is not valid JSON, not an array, or an event lacks a required field.</exception>
    public static IReadOnlyList<SendGridEvent> Parse(ReadOnlySpan<byte> body)
    {
        using var document = ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new SendGridEventFormatException($"The Event Webhook body must be a JSON array of events, not {root.ValueKind}.");
        }

        var events = new List<SendGridEvent>(root.GetArrayLength());
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new SendGridEventFormatException($"Event {index} is {element.ValueKind}, not a JSON object.");
            }

            events.Add(ParseEvent(element, index));
            index++;
        }

        return events;
    }

    private static JsonDocument ParseDocument(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                throw new SendGridEventFormatException("The Event Webhook body has content after its JSON value.");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new SendGridEventFormatException(
                $"The Event Webhook body is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex);
        }
    }

    private static SendGridEvent ParseEvent(JsonElement element, int index)
    {
        var type = Text(element, "event") ?? throw Missing(index, "event");
        var eventId = Text(element, "sg_event_id") ?? throw Missing(index, "sg_event_id");
        var at = Timestamp(element, index);
        var reason = Text(element, "reason")
            ?? (type == SendGridEventTypes.Deferred ? Text(element, "response") : null);

        return new SendGridEvent(
            eventId,
            type,
            Text(element, "email"),
            at,
            Text(element, "send_id"),
            MessageId(Text(element, "sg_message_id")),
            Text(element, "url"),
            reason,
            Suppresses(type, Text(element, "type")));
    }

    /// <summary>
    /// SendGrid suppresses the address after a bounce, a spam report or an unsubscribe, and says so with dropped.
    /// A bounce of type "blocked" is a refusal of this message (reputation, content), not of the address.
    /// </summary>
    private static bool Suppresses(string type, string? bounceType) => type switch
    {
        SendGridEventTypes.Bounce => bounceType != SendGridEventTypes.BlockedBounceType,
        SendGridEventTypes.Dropped or SendGridEventTypes.SpamReport
            or SendGridEventTypes.Unsubscribe or SendGridEventTypes.GroupUnsubscribe => true,
        _ => false,
    };

    private static string? MessageId(string? sgMessageId) =>
        sgMessageId is null ? null : sgMessageId.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? sgMessageId[..dot] : sgMessageId;

    private static DateTimeOffset Timestamp(JsonElement element, int index)
    {
        if (!element.TryGetProperty("timestamp", out var value))
        {
            throw Missing(index, "timestamp");
        }

        long seconds;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole))
        {
            seconds = whole;
        }
        else if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var fractional))
        {
            seconds = (long)Math.Floor(fractional);
        }
        else if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            seconds = parsed;
        }
        else
        {
            throw new SendGridEventFormatException($"Event {index} has a timestamp that is not unix seconds.");
        }

        try
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new SendGridEventFormatException($"Event {index} has a timestamp out of range.", ex);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    private static SendGridEventFormatException Missing(int index, string field) =>
        new($"Event {index} has no \"{field}\".");
}
