using System.Text.Json.Serialization;

namespace ChurnFunctions.SendGrid.Wire;

internal sealed record MailContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
