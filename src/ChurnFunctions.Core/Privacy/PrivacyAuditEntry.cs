namespace ChurnFunctions.Core.Privacy;

/// <summary>
/// One export or erasure: what (export, erase, data-request, shop-redact), who asked ("admin-key", "shopify"), when,
/// which customer id, and per table how many rows; never a personal value.
/// </summary>
public sealed record PrivacyAuditEntry(
    string Action,
    string Actor,
    DateTimeOffset At,
    string? CustomerId,
    IReadOnlyDictionary<string, int> Counts,
    string? ExportBlob = null);
