using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ingest;

/// <summary>A transaction and who its buyer is; <see cref="Customer"/> null or anonymous stores an anonymous sale.</summary>
public sealed record NormalizedTransaction(Transaction Transaction, CustomerIdentity? Customer, string? EventId = null);
