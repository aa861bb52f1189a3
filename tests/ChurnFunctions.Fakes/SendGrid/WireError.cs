using System.Text.Json.Serialization;

namespace ChurnFunctions.Fakes.SendGrid;

/// <summary>One entry of SendGrid's error body.</summary>
internal sealed record WireError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("help")] string? Help);
