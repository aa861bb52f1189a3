namespace ChurnFunctions.Core.Privacy;

/// <summary>What an erasure did: refused for want of the salt, or done (rows per table; all zero the second time).</summary>
public sealed record ErasureOutcome(bool Refused, IReadOnlyList<string> CustomerIds, IReadOnlyDictionary<string, int> Counts)
{
    public static ErasureOutcome NotConfigured { get; } = new(true, [], new Dictionary<string, int>());
}
