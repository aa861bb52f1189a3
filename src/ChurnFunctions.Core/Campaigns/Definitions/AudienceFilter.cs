using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Who may enter. Empty lists mean "any". Checked at <see cref="Start"/> before the holdout draw, so treatment and
/// holdout come from the same audience. Segment and tier names compare case-insensitively.
/// </summary>
public sealed record AudienceFilter
{
    public IReadOnlyList<string> Segments { get; init; } = [];

    public IReadOnlyList<string> ValueTiers { get; init; } = [];

    /// <summary>Channels the customer must have granted consent on (each of them) to enter.</summary>
    public IReadOnlyList<MessageChannel> RequiredConsent { get; init; } = [];
}
