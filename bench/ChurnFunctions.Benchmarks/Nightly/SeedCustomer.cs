using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Benchmarks.Nightly;

/// <summary>One customer as the ingest path would have stored it: its aggregate record and its transactions.</summary>
internal sealed record SeedCustomer(CustomerRecord Record, IReadOnlyList<Transaction> Transactions);
