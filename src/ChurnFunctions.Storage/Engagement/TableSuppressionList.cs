using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Engagement;

/// <summary>
/// <see cref="ISuppressionList"/> on table "suppressions": PartitionKey the channel ("email", "sms"), RowKey the
/// normalised address, columns Source and At. A check is one point read.
/// </summary>
public sealed class TableSuppressionList : ISuppressionList
{
    public const string TableName = "suppressions";
    private readonly TableClient table;
    private readonly CreateOnce created;

    public TableSuppressionList(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.GetTableClient(TableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task<bool> IsSuppressedAsync(MessageChannel channel, string address, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(channel, address);
        return await table.GetEntityAsync(partition, row, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(entry.Channel, entry.Address);
        var entity = new TableEntity(partition, row) { ["Source"] = entry.Source, ["At"] = EntityValues.Instant(entry.At) };
        await table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(MessageChannel channel, string address, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(channel, address);
        return await table.DeleteAsync(partition, row, "*", cancellationToken).ConfigureAwait(false) == TableWriteStatus.Success;
    }

    /// <summary>The entry for an address, or null (for reports and tests).</summary>
    public async Task<SuppressionEntry?> GetAsync(MessageChannel channel, string address, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(channel, address);
        var entity = await table.GetEntityAsync(partition, row, cancellationToken).ConfigureAwait(false);
        return entity is null
            ? null
            : new SuppressionEntry(channel, SuppressionEntry.Normalize(channel, address), entity.GetString("Source") ?? string.Empty,
                EntityValues.Instant(entity, "At") ?? DateTimeOffset.MinValue);
    }

    private static (string Partition, string Row) Keys(MessageChannel channel, string address) =>
        (channel.ToString().ToLowerInvariant(), KeyEncoder.Encode(SuppressionEntry.Normalize(channel, address)));
}
