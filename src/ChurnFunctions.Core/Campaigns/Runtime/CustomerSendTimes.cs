using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// The last marketing send per channel to one customer from any campaign, for the frequency caps. <see cref="ETag"/>
/// is the stored row's version when read (null: no row), so a later write can be conditional on it without a re-read.
/// </summary>
public sealed record CustomerSendTimes(DateTimeOffset? LastEmailSentAt, DateTimeOffset? LastSmsSentAt)
{
    public static CustomerSendTimes None { get; } = new(null, null);

    public string? ETag { get; init; }

    public DateTimeOffset? LastSentAt(MessageChannel channel) => channel == MessageChannel.Email ? LastEmailSentAt : LastSmsSentAt;

    public CustomerSendTimes With(MessageChannel channel, DateTimeOffset at) =>
        channel == MessageChannel.Email ? this with { LastEmailSentAt = at } : this with { LastSmsSentAt = at };
}
