using System.Text.Json.Serialization;

namespace ChurnFunctions.SendGrid.Wire;

/// <summary>Unsubscribe group: the recipient's opt-out applies to this group only.</summary>
internal sealed record MailAsm([property: JsonPropertyName("group_id")] int GroupId);
