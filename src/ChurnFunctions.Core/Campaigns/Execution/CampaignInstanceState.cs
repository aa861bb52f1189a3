using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// One customer's run through one campaign: everything the decider needs, JSON-serialisable with
/// <see cref="CampaignJson.Options"/>. Create it with <see cref="New"/>; only <see cref="CampaignDecider"/> changes it.
/// </summary>
public sealed record CampaignInstanceState
{
    public required string InstanceId { get; init; }

    public required string CustomerId { get; init; }

    public required string CampaignId { get; init; }

    /// <summary>Which run of a recurring campaign this is (a year, a purchase, a date); null for a campaign that does not recur.</summary>
    public string? RunKey { get; init; }

    public CampaignPhase Phase { get; init; } = CampaignPhase.NotStarted;

    public bool IsHoldout { get; init; }

    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>Entry + the plan's nominal duration + the attribution window: the same rule for both groups.</summary>
    public DateTimeOffset? ConversionDeadline { get; init; }

    /// <summary>The step being run; null once past the last one.</summary>
    public string? CurrentStepId { get; init; }

    /// <summary>Until when the current step waits: a wait's end, a branch's window, a deferred or retried send.</summary>
    public DateTimeOffset? WaitUntil { get; init; }

    /// <summary>Set while a branch waits: events from this time on count.</summary>
    public DateTimeOffset? BranchWindowOpensAt { get; init; }

    public PendingSend? PendingSend { get; init; }

    /// <summary>The latest coupon issued, for {{couponCode}}.</summary>
    public string? CouponCode { get; init; }

    /// <summary>Channels the customer opted out of during this instance: never used again by it, whatever the consent data says.</summary>
    public IReadOnlyList<MessageChannel> OptedOutChannels { get; init; } = [];

    /// <summary>Channels that cannot deliver (hard bounce, invalid recipient).</summary>
    public IReadOnlyList<MessageChannel> UnreachableChannels { get; init; } = [];

    public DateTimeOffset? LastEmailSentAt { get; init; }

    public DateTimeOffset? LastSmsSentAt { get; init; }

    public DateTimeOffset? LastClickAt { get; init; }

    public DateTimeOffset? LastReplyAt { get; init; }

    public DateTimeOffset? LastPurchaseAt { get; init; }

    public Conversion? Conversion { get; init; }

    /// <summary>Why messaging ended (set on leaving <see cref="CampaignPhase.Active"/>, or at entry for a holdout).</summary>
    public CompletionReason? ExitReason { get; init; }

    public CompletionReason? CompletionReason { get; init; }

    public IReadOnlyList<StepLogEntry> Log { get; init; } = [];

    public static CampaignInstanceState New(string customerId, string campaignId, string? runKey = null) => new()
    {
        InstanceId = CampaignInstanceId.For(customerId, campaignId, runKey),
        CustomerId = customerId,
        CampaignId = campaignId,
        RunKey = runKey,
    };

    public DateTimeOffset? LastSentAt(MessageChannel channel) => channel == MessageChannel.Email ? LastEmailSentAt : LastSmsSentAt;
}
