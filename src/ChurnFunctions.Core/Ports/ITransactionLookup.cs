using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ports;

/// <summary>
/// Which of a customer's transactions are stored already, by the same keys a commit inserts under. A commit refused
/// as a duplicate asks this once for all its transactions instead of retrying them one by one, so a re-imported file
/// costs one lookup per row, in parallel, and no failed batch per row.
/// </summary>
public interface ITransactionLookup
{
    /// <summary>For each of <paramref name="transactions"/>, in order: true when a row with its key exists under <paramref name="customerId"/>.</summary>
    Task<IReadOnlyList<bool>> StoredAsync(string customerId, IReadOnlyList<Transaction> transactions, CancellationToken cancellationToken);
}
