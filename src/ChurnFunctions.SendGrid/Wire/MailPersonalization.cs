using System.Text.Json.Serialization;

namespace ChurnFunctions.SendGrid.Wire;

/// <summary>One envelope; custom_args come back on every Event Webhook event of the message.</summary>
internal sealed record MailPersonalization(
    [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To,
    [property: JsonPropertyName("dynamic_template_data")] IReadOnlyDictionary<string, string>? DynamicTemplateData,
    [property: JsonPropertyName("custom_args")] IReadOnlyDictionary<string, string> CustomArgs);
