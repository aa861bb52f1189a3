using System.Text.Json.Serialization;

namespace ChurnFunctions.SendGrid.Wire;

internal sealed record MailAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name = null);
