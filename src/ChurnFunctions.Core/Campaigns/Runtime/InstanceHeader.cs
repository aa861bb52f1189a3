namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>What a bulk enrollment needs to know of a stored instance: that it exists, its phase, and its due wake-up.</summary>
public sealed record InstanceHeader(string InstanceId, CampaignPhase Phase, DateTimeOffset? NextWakeUpAt);
