using System.Text.Json.Serialization;

namespace ChurnFunctions.SendGrid.Wire;

/// <summary>The v3 Mail Send body: either <see cref="TemplateId"/> or <see cref="Subject"/> with <see cref="Content"/>.</summary>
internal sealed record MailSendRequest(
    [property: JsonPropertyName("personalizations")] IReadOnlyList<MailPersonalization> Personalizations,
    [property: JsonPropertyName("from")] MailAddress From,
    [property: JsonPropertyName("template_id")] string? TemplateId,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("content")] IReadOnlyList<MailContent>? Content,
    [property: JsonPropertyName("categories")] IReadOnlyList<string>? Categories,
    [property: JsonPropertyName("asm")] MailAsm? Asm);
