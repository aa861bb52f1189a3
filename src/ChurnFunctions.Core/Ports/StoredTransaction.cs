using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ports;

/// <summary>A transaction as kept under its customer, with the delivery it came in and when it was stored.</summary>
public sealed record StoredTransaction(string CustomerId, Transaction Transaction, string? EventId, DateTimeOffset StoredAt);
