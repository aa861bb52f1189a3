using System.Globalization;
using System.Text.Json;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>The fields of Twilio's message JSON the sender reads.</summary>
internal sealed record TwilioMessageResource(
    string? Sid, string? To, string? From, string? Body, string? MessagingServiceSid, DateTimeOffset? DateCreated)
{
    /// <summary>One message (the 201 answer to a create), or null when the body is not a message.</summary>
    public static TwilioMessageResource? ParseOne(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Read(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The "messages" of a list page, or null when the body is not a page.</summary>
    public static IReadOnlyList<TwilioMessageResource>? ParsePage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("messages", out var messages)
                || messages.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object).Select(Read).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Twilio's dates are RFC 2822 in UTC, e.g. "Tue, 26 Jul 2016 12:50:07 +0000".</summary>
    public static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParseExact(
            value?.Replace(" +0000", " +00:00", StringComparison.Ordinal),
            "ddd, dd MMM yyyy HH:mm:ss zzz",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var parsed)
            ? parsed
            : null;

    private static TwilioMessageResource Read(JsonElement message) => new(
        Text(message, "sid"),
        Text(message, "to"),
        Text(message, "from"),
        Text(message, "body"),
        Text(message, "messaging_service_sid"),
        ParseDate(Text(message, "date_created")));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
