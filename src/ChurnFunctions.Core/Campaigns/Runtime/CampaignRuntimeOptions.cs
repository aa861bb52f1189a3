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

    /// <summary>
    /// How long a send whose answer was lost (<see cref="SendLedgerStatus.Uncertain"/>) waits for a provider event that
    /// names it (SendGrid's processed, delivered, bounce... carry the send_id custom arg) before
    /// <see cref="ResendUncertainSends"/> decides. SendGrid usually posts events within minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan UncertainSendWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// After <see cref="UncertainSendWindow"/> without an event: true sends it again (a duplicate only if the provider
    /// had it and its events are late or not configured), false counts it as sent and moves on (never a duplicate, but
    /// a message the provider never had is lost).
    /// </summary>
    public bool ResendUncertainSends { get; set; } = true;
}
