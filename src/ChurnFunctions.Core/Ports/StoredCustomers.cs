using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Ports;

/// <summary>
/// What the store held when a bulk import began: every customer record as read (with its ETag) and the key of every
/// stored transaction under its customer. A buyer resolved against it needs no read of its own; a row found here is a
/// duplicate without a write. It may be stale: a record changed since fails its conditional write and is read afresh,
/// a transaction stored since fails its insert as a duplicate, as on the queue path.
/// </summary>
public sealed class StoredCustomers(
    IReadOnlyDictionary<string, Versioned<CustomerRecord>> records,
    IReadOnlySet<(string CustomerId, string Source, string ExternalId)> transactions)
{
    public static readonly StoredCustomers None = new(
        new Dictionary<string, Versioned<CustomerRecord>>(),
        new HashSet<(string, string, string)>());

    public int RecordCount => records.Count;

    public int TransactionCount => transactions.Count;

    /// <summary>The customer's record as read, or null when the customer had none.</summary>
    public Versioned<CustomerRecord>? Record(string customerId) => records.GetValueOrDefault(customerId);

    public bool Holds(string customerId, Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transactions.Contains((customerId, transaction.Source, transaction.ExternalId));
    }
}
