namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// What one delivery holds. A delivery may hold nothing to store and say why in <see cref="IgnoredReason"/>
/// (a WooCommerce ping, a Square payment not yet COMPLETED), or hold several transactions (a POS batch).
/// <see cref="Errors"/> lists items that could not be read: field path -> message.
/// </summary>
public sealed record NormalizationResult(
    IReadOnlyList<NormalizedTransaction> Transactions,
    string? IgnoredReason = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool IsValid => Errors is null || Errors.Count == 0;

    public static NormalizationResult Ignored(string reason) => new([], reason);

    public static NormalizationResult Of(params NormalizedTransaction[] transactions) => new(transactions);

    public static NormalizationResult Invalid(string field, string message) =>
        new([], Errors: new Dictionary<string, string[]> { [field] = [message] });
}
