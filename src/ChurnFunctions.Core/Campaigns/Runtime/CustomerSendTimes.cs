namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>The last marketing send per channel to one customer from any campaign, for the frequency caps.</summary>
public sealed record CustomerSendTimes(DateTimeOffset? LastEmailSentAt, DateTimeOffset? LastSmsSentAt)
{
    public static CustomerSendTimes None { get; } = new(null, null);
}
