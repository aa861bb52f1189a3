using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Tests.Fakes;

/// <summary>Reads what an <see cref="InMemoryCustomerStore"/> holds, as the table scan reads the customers table.</summary>
internal sealed class InMemoryStoredCustomersScan(InMemoryCustomerStore store) : IStoredCustomersScan
{
    public int Reads { get; private set; }

    public async Task<StoredCustomers> ReadAsync(CancellationToken cancellationToken)
    {
        Reads++;
        var records = new Dictionary<string, Versioned<CustomerRecord>>(StringComparer.Ordinal);
        var transactions = new HashSet<(string, string, string)>();
        await foreach (var record in store.ListAsync(cancellationToken))
        {
            records[record.Id] = (await store.GetAsync(record.Id, cancellationToken))!;
            foreach (var stored in await store.GetTransactionsAsync(record.Id, cancellationToken))
            {
                transactions.Add((record.Id, stored.Transaction.Source, stored.Transaction.ExternalId));
            }
        }

        return new StoredCustomers(records, transactions);
    }
}
