using System.Text.Json;
using ChurnFunctions.Analytics.Business;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// The one spelling of the names a score carries, in scores, snapshots, the API and campaign definitions: kebab-case
/// (`at-risk`, `cant-lose`, `high-value`, `churned-gap`). Runs before this vocabulary stored the enum names
/// (`AtRisk`, `HighValue`, `ChurnedGap`); <see cref="Canonical"/> reads both, so stored scores and definitions keep working.
/// </summary>
public static class ScoreNames
{
    public static IReadOnlyList<string> Segments { get; } = Names<RfmSegment>();

    public static IReadOnlyList<string> Tiers { get; } = Names<CustomerTier>();

    public static IReadOnlyList<string> ValueTiers { get; } = Names<ValueTier>();

    public static IReadOnlyList<string> ChurnStatuses { get; } = Names<ChurnStatus>();

    public static string Of(RfmSegment segment) => Wire(segment.ToString());

    public static string Of(CustomerTier tier) => Wire(tier.ToString());

    public static string Of(ValueTier tier) => Wire(tier.ToString());

    public static string Of(ChurnStatus status) => Wire(status.ToString());

    /// <summary>The wire spelling of a name in either spelling ("AtRisk", "at-risk", "At-Risk" all give "at-risk").</summary>
    public static string Canonical(string name) => Wire(name).ToLowerInvariant();

    /// <summary>Whether two names are the same name, whatever spelling each was written in.</summary>
    public static bool Same(string? a, string? b) => a is not null && b is not null && Canonical(a) == Canonical(b);

    /// <summary>A stored score with its names in the wire spelling.</summary>
    public static CustomerScore Normalize(CustomerScore score) => score with
    {
        Segment = Canonical(score.Segment),
        Tier = Canonical(score.Tier),
        ValueTier = Canonical(score.ValueTier),
        ChurnStatus = Canonical(score.ChurnStatus),
    };

    /// <summary>A stored snapshot with the keys of its counts in the wire spelling.</summary>
    public static MetricsSnapshot Normalize(MetricsSnapshot snapshot) => snapshot with
    {
        Segments = Keys(snapshot.Segments),
        Tiers = Keys(snapshot.Tiers),
        ValueTiers = Keys(snapshot.ValueTiers),
    };

    private static Dictionary<string, int> Keys(IReadOnlyDictionary<string, int> counts) =>
        counts.GroupBy(c => Canonical(c.Key)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

    // Kebab-case already written stays as it is; a PascalCase enum name gains a '-' before each inner capital.
    private static string Wire(string name) => name.Contains('-', StringComparison.Ordinal)
        ? name.ToLowerInvariant()
        : JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>().Select(Wire)];
}
