namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// What the category-abandonment rule found in one run: customer id -> the categories it stopped buying while still
/// buying others. <see cref="SkippedReason"/> is set when the rule could not apply at all (no purchase line carries a
/// category, as in CDNOW), so an empty result is never mistaken for "nobody abandoned anything".
/// </summary>
public sealed record CategoryFindings(IReadOnlyDictionary<string, IReadOnlyList<string>> ByCustomer, string? SkippedReason)
{
    public const string NoCategoriesReason =
        "No purchase line carries a category (CDNOW-like data, or sources that send none): category abandonment does not apply.";

    public static CategoryFindings Skipped(string reason) => new(new Dictionary<string, IReadOnlyList<string>>(), reason);
}
