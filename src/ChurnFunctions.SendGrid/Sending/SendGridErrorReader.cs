using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChurnFunctions.SendGrid.Sending;

/// <summary>
/// Reads SendGrid's error body and turns it into a loggable detail. SendGrid's messages can quote the recipient's
/// address ("You have included x@y more than once"), so anything shaped like an address is redacted.
/// </summary>
internal static partial class SendGridErrorReader
{
    private const int MaxDetailLength = 1000;

    public static IReadOnlyList<SendGridError> Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var list = new List<SendGridError>();
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    list.Add(new SendGridError(StringOrNull(error, "message"), StringOrNull(error, "field"), StringOrNull(error, "help")));
                }
            }

            return list;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>True when a 400 names the recipient's address as the bad field (personalizations.N.to.M.email).</summary>
    public static bool NamesInvalidRecipient(IReadOnlyList<SendGridError> errors) =>
        errors.Any(e => e.Field is { } field && RecipientField().IsMatch(field));

    /// <summary>"HTTP 400: field: message (help); ..." with addresses redacted and the length capped.</summary>
    public static string Describe(int statusCode, IReadOnlyList<SendGridError> errors)
    {
        var text = new StringBuilder($"HTTP {statusCode}");
        for (var i = 0; i < errors.Count; i++)
        {
            var error = errors[i];
            text.Append(i == 0 ? ": " : "; ");
            if (!string.IsNullOrEmpty(error.Field))
            {
                text.Append(error.Field).Append(": ");
            }

            text.Append(string.IsNullOrWhiteSpace(error.Message) ? "(no message)" : error.Message.Trim());
            if (!string.IsNullOrWhiteSpace(error.Help))
            {
                text.Append(" (").Append(error.Help.Trim()).Append(')');
            }
        }

        var redacted = Redact(text.ToString());
        return redacted.Length <= MaxDetailLength ? redacted : string.Concat(redacted.AsSpan(0, MaxDetailLength), "...");
    }

    public static string Redact(string text) => Address().Replace(text, "[address]");

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^personalizations\.\d+\.(to|cc|bcc)\.\d+\.email$", RegexOptions.CultureInvariant)]
    private static partial Regex RecipientField();

    [GeneratedRegex(@"[^\s@""'<>\[\](),;:]+@[^\s@""'<>\[\](),;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
