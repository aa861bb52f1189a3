using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Holdout membership: SHA-256 of (customer id, campaign id) read as a number in [0, 100); below the percentage
/// means holdout. Deterministic, independent between campaigns, and stable when the percentage changes only at the
/// margin (raising it adds customers, never swaps them).
/// </summary>
public static class HoldoutAssignment
{
    public static bool IsHoldout(string customerId, string campaignId, double percent) =>
        percent > 0 && Bucket(customerId, campaignId) < percent;

    /// <summary>The customer's position in [0, 100) for this campaign.</summary>
    public static double Bucket(string customerId, string campaignId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("holdout\u001f" + campaignId + "\u001f" + customerId));
        var top53 = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return top53 * (100.0 / (1UL << 53));
    }
}
