using System.Text.Json;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// The orchestrator's input, carried over <c>ContinueAsNew</c>: the instance state, the next input for the decider
/// (JSON through <see cref="CampaignJson.Options"/>, whose "type" discriminators the worker's default serializer would
/// not be asked to honour), and the wake-up that still stands.
/// </summary>
public sealed record CampaignOrchestration(string StateJson, string InputJson, DateTimeOffset? WakeAt)
{
    public static CampaignOrchestration Start(string campaignId, string customerId, string? runKey = null) =>
        new(Json.Write(CampaignInstanceState.New(customerId, campaignId, runKey)), Json.Write<CampaignInput>(new Start()), null);
}

/// <summary>Activity inputs and outputs; payloads inside are JSON strings in <see cref="CampaignJson.Options"/>.</summary>
public sealed record LoadRequest(string CampaignId, string CustomerId);

public sealed record CampaignLoad(CampaignDefinition? Definition, CustomerContext Customer);

public sealed record SendRequest(string CustomerId, string ActionJson, int Attempt);

/// <summary>The send's outcome to feed back, or the end of another holder's lease to wait for.</summary>
public sealed record SendReply(SendCompleted? Completed, DateTimeOffset? BusyUntil);

public sealed record RecordRequest(string InstanceId, string CustomerId, string ActionJson);

/// <summary>The queue messages that start instances and carry inputs to them (queues of the Functions host only).</summary>
/// <summary>A start; <see cref="RunKey"/> names the run of a recurring campaign (absent in messages queued before run keys).</summary>
public sealed record CampaignStartMessage(string CampaignId, string CustomerId, string? RunKey = null);

public sealed record CampaignEventMessage(string CustomerId, CampaignInput Input);

internal static class Json
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, CampaignJson.Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, CampaignJson.Options) ?? throw new JsonException($"No {typeof(T).Name} in the payload.");
}
