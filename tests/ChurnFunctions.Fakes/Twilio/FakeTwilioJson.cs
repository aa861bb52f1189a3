using System.Globalization;

namespace ChurnFunctions.Fakes.Twilio;

/// <summary>Twilio's JSON shapes: the message resource, a list page and the error body.</summary>
internal static class FakeTwilioJson
{
    public const string ApiVersion = "2010-04-01";

    public static object Error(int code, string message, int status) => new Dictionary<string, object?>
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    };

    public static object Message(string accountSid, FakeTwilioMessage message)
    {
        var uri = $"/{ApiVersion}/Accounts/{accountSid}/Messages/{message.Sid}.json";
        var created = Rfc2822(message.DateCreated);
        return new Dictionary<string, object?>
        {
            ["account_sid"] = accountSid,
            ["api_version"] = ApiVersion,
            ["body"] = message.Body,
            ["date_created"] = created,
            ["date_sent"] = null,
            ["date_updated"] = created,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = message.From,
            ["messaging_service_sid"] = message.MessagingServiceSid,
            ["num_media"] = "0",
            ["num_segments"] = "1",
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = message.Sid,
            // Twilio: "queued" for a message sent from a number, "accepted" through a Messaging Service.
            ["status"] = message.MessagingServiceSid is null ? "queued" : "accepted",
            ["subresource_uris"] = new Dictionary<string, string> { ["media"] = uri.Replace(".json", "/Media.json", StringComparison.Ordinal) },
            ["to"] = message.To,
            ["uri"] = uri,
        };
    }

    public static object Page(string accountSid, IReadOnlyList<FakeTwilioMessage> messages, int pageSize, string path)
    {
        var uri = $"{path}?PageSize={pageSize}&Page=0";
        return new Dictionary<string, object?>
        {
            ["end"] = Math.Max(messages.Count - 1, 0),
            ["first_page_uri"] = uri,
            ["messages"] = messages.Select(m => Message(accountSid, m)).ToList(),
            ["next_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = null,
            ["start"] = 0,
            ["uri"] = uri,
        };
    }

    /// <summary>Twilio's date format, e.g. "Tue, 26 Jul 2016 12:50:07 +0000".</summary>
    public static string Rfc2822(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
