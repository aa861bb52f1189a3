namespace ChurnFunctions.Core.Ports;

/// <summary>One customer's stored transactions, as a pass over the whole store yields them.</summary>
public sealed record CustomerTransactions(string CustomerId, IReadOnlyList<StoredTransaction> Transactions);
