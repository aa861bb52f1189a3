using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>One customer to enter into one campaign (a run of it, for a recurring campaign: see <see cref="CampaignInstanceId"/>).</summary>
public sealed record CampaignStartRequest(string CampaignId, string CustomerId, string? RunKey)
{
    // Derived, so a queued batch does not carry it.
    [JsonIgnore]
    public string InstanceId => CampaignInstanceId.For(CustomerId, CampaignId, RunKey);
}
