using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The instance id of (customer, campaign): "{campaignId}-{32 hex}", the hex from SHA-256 of both ids. Deterministic,
/// so at most one instance per pair runs (hosts start it under this id), and safe as a Durable instance id or a
/// table key whatever characters the customer id holds.
/// </summary>
public static class CampaignInstanceId
{
    public static string For(string customerId, string campaignId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(campaignId + "\u001f" + customerId));
        return $"{campaignId}-{Convert.ToHexStringLower(hash, 0, 16)}";
    }

    /// <summary>The id of a step's send or task: instance id + ":" + step id.</summary>
    public static string ForStep(string instanceId, string stepId) => instanceId + ":" + stepId;
}
