using System.Text.Json;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// Twilio's error body: {"code": 21211, "message": "...", "more_info": "https://www.twilio.com/docs/errors/21211",
/// "status": 400}. The message can quote the recipient's number, so it is kept out of results and logs.
/// </summary>
internal sealed record TwilioApiError(int? Code, string? MoreInfo)
{
    public static TwilioApiError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new TwilioApiError(null, null);
            }

            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
            var moreInfo = root.TryGetProperty("more_info", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return new TwilioApiError(code, moreInfo);
        }
        catch (JsonException)
        {
            return new TwilioApiError(null, null);
        }
    }
}
