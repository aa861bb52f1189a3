using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// What the decider needs to know about the customer now, read by the host before each decision (the decider does
/// no I/O). <see cref="Consents"/> holds the latest statement per channel; a channel without one has no consent.
/// </summary>
public sealed record CustomerContext
{
    public required string CustomerId { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    /// <summary>E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>IANA id; null or unknown: <see cref="CampaignOptions.DefaultTimeZone"/>.</summary>
    public string? TimeZone { get; init; }

    public IReadOnlyList<ConsentRecord> Consents { get; init; } = [];

    /// <summary>Channels on a global suppression list (provider bounces, complaints, legal holds).</summary>
    public IReadOnlyList<MessageChannel> SuppressedChannels { get; init; } = [];

    /// <summary>Contact the customer by no means, staff tasks included.</summary>
    public bool DoNotContact { get; init; }

    /// <summary>The last marketing email to this customer from any campaign, for the frequency cap.</summary>
    public DateTimeOffset? LastEmailSentAt { get; init; }

    public DateTimeOffset? LastSmsSentAt { get; init; }

    /// <summary>The current segment (e.g. "at-risk") and value tier, for the audience filter at entry.</summary>
    public string? Segment { get; init; }

    public string? ValueTier { get; init; }

    /// <summary>The signed exit-survey link for {{surveyLink}}, made by the host that reads the context; null: not configured.</summary>
    public string? SurveyLink { get; init; }

    /// <summary>Staff recorded "do not call": no staff task for this customer.</summary>
    public bool DoNotCall { get; init; }

    /// <summary>The profile part of the context; suppression, last sends, segment and tier are the caller's to add.</summary>
    public static CustomerContext From(CustomerRecord customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new CustomerContext
        {
            CustomerId = customer.Id,
            FirstName = customer.FirstName,
            LastName = customer.LastName,
            Email = customer.Email,
            Phone = customer.Phone,
            TimeZone = customer.TimeZone,
            Consents = customer.Consents,
        };
    }

    public DateTimeOffset? LastSentAt(MessageChannel channel) => channel == MessageChannel.Email ? LastEmailSentAt : LastSmsSentAt;

    /// <summary>Whether the latest statement for <paramref name="channel"/> is a grant. No statement: no consent.</summary>
    public bool HasConsent(MessageChannel channel) =>
        Consents.Where(c => c.Channel == channel).OrderByDescending(c => c.At).FirstOrDefault() is { Granted: true };
}
