using System.Text.Json;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>The body of a "campaign-wakeups" message: which instance, and the instant it was scheduled for (UTC).</summary>
public sealed record WakeUpMessage(string InstanceId, DateTimeOffset DueAt)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <exception cref="JsonException">Not a wake-up message: let it fail to the poison queue.</exception>
    public static WakeUpMessage Parse(string json) =>
        JsonSerializer.Deserialize<WakeUpMessage>(json, JsonSerializerOptions.Web) is { InstanceId.Length: > 0 } message
            ? message
            : throw new JsonException("The message names no instance.");
}
