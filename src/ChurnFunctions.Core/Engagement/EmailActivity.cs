using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// One email provider event, reduced to what the pipeline uses. <see cref="Kind"/> is null for events campaigns do not
/// see (processed, deferred, dropped). <see cref="Source"/> names it for consent and suppression ("sendgrid:bounce").
/// <see cref="Email"/> is personal data: never log it.
/// </summary>
public sealed record EmailActivity(
    string EventId,
    string Source,
    EmailEventKind? Kind,
    string? Email,
    DateTimeOffset At,
    string? SendId,
    bool Suppresses);
