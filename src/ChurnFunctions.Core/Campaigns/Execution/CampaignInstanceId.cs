using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The instance id of (customer, campaign[, run key]): "{campaignId}-{32 hex}", the hex from SHA-256 of both ids, then
/// "-{runKey}" for a run of a recurring campaign. Deterministic, so at most one instance per customer and run key runs
/// (hosts start it under this id), and safe as a Durable instance id or a table key whatever characters the customer
/// id holds. Without a run key the id is the one it always was, so instances started before run keys stay readable;
/// every run of one customer's campaign starts with <see cref="For(string, string)"/>'s id.
/// </summary>
public static partial class CampaignInstanceId
{
    public const int MaxRunKeyLength = 32;

    public static string For(string customerId, string campaignId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(campaignId + "\u001f" + customerId));
        return $"{campaignId}-{Convert.ToHexStringLower(hash, 0, 16)}";
    }

    /// <param name="runKey">Lower-case letters and digits, at most <see cref="MaxRunKeyLength"/>; null: the campaign does not recur.</param>
    public static string For(string customerId, string campaignId, string? runKey)
    {
        if (runKey is null)
        {
            return For(customerId, campaignId);
        }

        if (!IsRunKey(runKey))
        {
            throw new ArgumentException($"A run key is 1-{MaxRunKeyLength} lower-case letters and digits.", nameof(runKey));
        }

        return For(customerId, campaignId) + "-" + runKey;
    }

    public static bool IsRunKey(string runKey) =>
        runKey.Length is > 0 and <= MaxRunKeyLength && runKey.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>The id of a step's send or task: instance id + ":" + step id.</summary>
    public static string ForStep(string instanceId, string stepId) => instanceId + ":" + stepId;

    /// <summary>The campaign id an instance id was made from; null when it is not one.</summary>
    public static string? CampaignOf(string instanceId)
    {
        var match = InstancePattern().Match(instanceId ?? "");
        return match.Success ? match.Groups["campaign"].Value : null;
    }

    [GeneratedRegex("^(?<campaign>[a-z0-9][a-z0-9-]*)-[0-9a-f]{32}(-[a-z0-9]{1,32})?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstancePattern();
}
