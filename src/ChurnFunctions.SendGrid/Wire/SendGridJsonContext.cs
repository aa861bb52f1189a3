using System.Text.Json.Serialization;

namespace ChurnFunctions.SendGrid.Wire;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MailSendRequest))]
internal sealed partial class SendGridJsonContext : JsonSerializerContext;
