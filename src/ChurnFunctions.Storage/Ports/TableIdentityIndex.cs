using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// <see cref="IIdentityIndex"/> on table "identities": PartitionKey the encoded identity key, RowKey "", column
/// CustomerId. A claim is an insert; whoever's insert lands first holds the key, and every other claim reads it.
/// A claim whose insert was retried after a lost success reads back its own id, as it should.
/// </summary>
public sealed class TableIdentityIndex : IIdentityIndex
{
    public const string TableName = "identities";
    private const string CustomerIdColumn = "CustomerId";

    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableIdentityIndex(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _table = account.GetTableClient(TableName);
        _created = new CreateOnce(_table.CreateIfNotExistsAsync);
    }

    public async Task<string?> FindAsync(string identityKey, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _table.GetEntityAsync(KeyEncoder.Encode(identityKey), string.Empty, cancellationToken).ConfigureAwait(false);
        return entity?.GetString(CustomerIdColumn);
    }

    public async Task<string> ClaimAsync(string identityKey, string customerId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var result = await _table.InsertAsync(Entity(identityKey, customerId), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return customerId;
            }

            // Held already; read the holder. Deleted meanwhile (not done today, but possible): claim again.
            if (await FindAsync(identityKey, cancellationToken).ConfigureAwait(false) is { } holder)
            {
                return holder;
            }
        }
    }

    public async Task AssignAsync(string identityKey, string customerId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _table.UpsertAsync(Entity(identityKey, customerId), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity Entity(string identityKey, string customerId) =>
        new(KeyEncoder.Encode(identityKey), string.Empty) { [CustomerIdColumn] = customerId };
}
