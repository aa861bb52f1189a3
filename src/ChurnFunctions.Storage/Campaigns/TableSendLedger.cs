using System.Globalization;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Campaigns;

/// <summary>
/// Table "campaignledger": PartitionKey the instance id, RowKey the step id (the send id "instance:step" split at
/// its first ':'), so an instance's sends share a partition. Columns: Status, Attempt, Channel, LeaseUntil and the
/// provider's answer (ResultStatus, ProviderMessageId, ErrorCode, Detail). A customer's runs of a campaign are the
/// partitions from "{instance}" to "{instance}-{run key}": one range query (<see cref="ISendHistory"/>).
/// </summary>
public sealed class TableSendLedger : ISendLedger, ISendHistory
{
    public const string TableName = "campaignledger";
    private readonly TableClient table;
    private readonly CreateOnce created;

    public TableSendLedger(StorageAccount account)
    {
        table = account.GetTableClient(TableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task<Versioned<SendLedgerEntry>?> GetAsync(string sendId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(sendId);
        var entity = await table.GetEntityAsync(partition, row, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new Versioned<SendLedgerEntry>(Read(sendId, entity), entity.ETag!);
    }

    public async Task<string?> TryInsertAsync(SendLedgerEntry entry, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await table.InsertAsync(Entity(entry), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.ETag : null;
    }

    public async Task<string?> TryReplaceAsync(SendLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await table.UpdateAsync(Entity(entry), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.ETag : null;
    }

    public async Task<IReadOnlyList<RecordedSend>> ListAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);

        // "-" sorts just before ".", so [id-, id.) holds exactly the ids that continue with "-": the run keys.
        var filter = $"PartitionKey eq {TableQuery.Literal(KeyEncoder.Encode(instanceId))}"
            + $" or (PartitionKey ge {TableQuery.Literal(KeyEncoder.Encode(instanceId + "-"))} and PartitionKey lt {TableQuery.Literal(KeyEncoder.Encode(instanceId + "."))})";
        var sends = new List<RecordedSend>();
        await foreach (var entity in table.QueryAsync(new TableQuery(filter), cancellationToken).ConfigureAwait(false))
        {
            var partition = KeyEncoder.Decode(entity.PartitionKey);
            var sendId = entity.RowKey == "-" ? partition : partition + ":" + KeyEncoder.Decode(entity.RowKey);
            sends.Add(new RecordedSend(Read(sendId, entity), entity.Timestamp));
        }

        return sends;
    }

    private static (string Partition, string Row) Keys(string sendId)
    {
        var colon = sendId.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? (KeyEncoder.Encode(sendId), "-")
            : (KeyEncoder.Encode(sendId[..colon]), KeyEncoder.Encode(sendId[(colon + 1)..]));
    }

    private static TableEntity Entity(SendLedgerEntry entry)
    {
        var (partition, row) = Keys(entry.SendId);
        var entity = new TableEntity(partition, row)
        {
            ["Status"] = entry.Status.ToString(),
            ["Attempt"] = entry.Attempt,
            ["Channel"] = entry.Channel.ToString(),
            ["LeaseUntil"] = EntityValues.Instant(entry.LeaseUntil),
        };
        if (entry.Result is { } result)
        {
            entity["ResultStatus"] = result.Status.ToString();
            entity["ProviderMessageId"] = result.ProviderMessageId;
            entity["ErrorCode"] = result.ErrorCode;
            entity["Detail"] = result.Detail;
        }

        return entity;
    }

    private static SendLedgerEntry Read(string sendId, TableEntity entity)
    {
        var result = entity.GetString("ResultStatus") is { } status
            ? new SendResult(Enum.Parse<SendStatus>(status), entity.GetString("ProviderMessageId"), entity.GetString("ErrorCode"), entity.GetString("Detail"))
            : null;
        return new SendLedgerEntry(
            sendId,
            Enum.Parse<MessageChannel>(entity.GetString("Channel") ?? nameof(MessageChannel.Email)),
            Enum.Parse<SendLedgerStatus>(entity.GetString("Status") ?? nameof(SendLedgerStatus.Pending)),
            entity.GetInt32("Attempt") ?? 0,
            EntityValues.Instant(entity, "LeaseUntil") ?? DateTimeOffset.MinValue,
            result);
    }
}
