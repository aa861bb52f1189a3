using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Campaigns;

/// <summary>
/// Table "campaigncaps": PartitionKey the reservation key ("email-{hash}", "sms-{hash}": no address is stored),
/// RowKey "cap"; columns Holder (a send id), HeldUntil and LastSentAt. One small row per recipient and channel, so a
/// reservation is one conditional write.
/// </summary>
public sealed class TableChannelReservationStore : IChannelReservationStore
{
    public const string TableName = "campaigncaps";
    private const string Row = "cap";
    private readonly TableClient table;
    private readonly CreateOnce created;

    public TableChannelReservationStore(StorageAccount account)
    {
        table = account.GetTableClient(TableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task<Versioned<ChannelReservation>?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityAsync(KeyEncoder.Encode(key), Row, cancellationToken).ConfigureAwait(false);
        return entity is null
            ? null
            : new Versioned<ChannelReservation>(
                new ChannelReservation(key, entity.GetString("Holder"), EntityValues.Instant(entity, "HeldUntil"), EntityValues.Instant(entity, "LastSentAt")),
                entity.ETag!);
    }

    public async Task<string?> TryInsertAsync(ChannelReservation reservation, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await table.InsertAsync(Entity(reservation), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.ETag : null;
    }

    public async Task<string?> TryReplaceAsync(ChannelReservation reservation, string etag, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await table.UpdateAsync(Entity(reservation), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.ETag : null;
    }

    private static TableEntity Entity(ChannelReservation reservation)
    {
        var entity = new TableEntity(KeyEncoder.Encode(reservation.Key), Row);
        if (reservation.Holder is { } holder)
        {
            entity["Holder"] = holder;
        }

        if (reservation.HeldUntil is { } until)
        {
            entity["HeldUntil"] = EntityValues.Instant(until);
        }

        if (reservation.LastSentAt is { } sent)
        {
            entity["LastSentAt"] = EntityValues.Instant(sent);
        }

        return entity;
    }
}
