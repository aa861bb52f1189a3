using System.Text.Json;
using System.Xml.Linq;

namespace ChurnFunctions.Storage.Http;

/// <summary>Reads the error code from a storage error body: Tables answer JSON (odata.error), Blobs and Queues XML.</summary>
internal static class ErrorBody
{
    public static string? Code(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith('{'))
            {
                using var document = JsonDocument.Parse(trimmed);
                return document.RootElement.TryGetProperty("odata.error", out var error)
                       && error.TryGetProperty("code", out var code) ? code.GetString() : null;
            }

            if (trimmed.StartsWith('<'))
            {
                return XDocument.Parse(trimmed).Root?.Element("Code")?.Value;
            }
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The message text of a table error, e.g. "1:The specified entity already exists." in a batch.</summary>
    public static string? TableMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("odata.error", out var error)
                   && error.TryGetProperty("message", out var message)
                   && message.TryGetProperty("value", out var value)
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
