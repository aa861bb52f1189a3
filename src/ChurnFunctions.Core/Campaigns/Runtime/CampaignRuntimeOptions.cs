using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>How the durable campaign runner behaves, bound from "Campaigns:Runtime".</summary>
public sealed class CampaignRuntimeOptions
{
    public const string SectionName = "Campaigns:Runtime";

    /// <summary>
    /// How long a pending ledger entry belongs to the runner that wrote it. Must exceed the longest provider call
    /// (timeouts times retries): a pending entry older than this is taken over and the message sent again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a campaign definition is reused before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DefinitionCacheTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A guard against a decider loop: decisions per delivered input (sends fed back included).</summary>
    [Range(2, 1000)]
    public int MaxDecisionsPerInput { get; set; } = 50;
}
