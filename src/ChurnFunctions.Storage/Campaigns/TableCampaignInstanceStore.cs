using System.Runtime.CompilerServices;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Campaigns;

/// <summary>
/// Table "campaigninstances": PartitionKey the instance id, RowKey "state"; the state as JSON (column "Json", split
/// when long) and NextWakeUpAt. Table "campaigncustomers": PartitionKey the customer id, RowKey "run|{instance id}"
/// per running instance and "sends" for the last send per channel, so one partition query answers "what runs for
/// this customer" and each write touches one small row.
/// </summary>
public sealed class TableCampaignInstanceStore : ICampaignInstanceStore
{
    public const string InstancesTable = "campaigninstances";
    public const string CustomersTable = "campaigncustomers";
    private const string StateRow = "state";
    private const string SendsRow = "sends";
    private const string RunPrefix = "run|";
    private readonly TableClient instances;
    private readonly TableClient customers;
    private readonly CreateOnce created;

    public TableCampaignInstanceStore(StorageAccount account)
    {
        instances = account.GetTableClient(InstancesTable);
        customers = account.GetTableClient(CustomersTable);
        created = new CreateOnce(async ct =>
        {
            await instances.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            await customers.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        });
    }

    public async Task<Versioned<StoredInstance>?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await instances.GetEntityAsync(KeyEncoder.Encode(instanceId), StateRow, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<CampaignInstanceState>(EntityValues.GetLong(entity, "Json") ?? "null", CampaignJson.Options)
            ?? throw new InvalidOperationException($"Instance row {instanceId} holds no state.");
        return new Versioned<StoredInstance>(new StoredInstance(state, EntityValues.Instant(entity, "NextWakeUpAt")), entity.ETag!);
    }

    public async Task<bool> TryInsertAsync(StoredInstance instance, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await instances.InsertAsync(Entity(instance), cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    public async Task<string?> TryReplaceAsync(StoredInstance instance, string etag, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = await instances.UpdateAsync(Entity(instance), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.ETag ?? throw new InvalidOperationException("The table returned no ETag.") : null;
    }

    public async IAsyncEnumerable<InstanceHeader> ListByCampaignAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);

        // Instance ids are "{campaignId}-{hex}[-{runKey}]", so the campaign's rows are one key range ('.' follows '-'),
        // which also holds campaigns whose id extends this one ("win-back-2"): those are left out by name.
        var filter = $"PartitionKey ge {TableQuery.Literal(campaignId + "-")} and PartitionKey lt {TableQuery.Literal(campaignId + ".")}";
        await foreach (var entity in instances.QueryAsync(new TableQuery(filter, ["PartitionKey", "Phase", "NextWakeUpAt"], PageSize: 1000), cancellationToken).ConfigureAwait(false))
        {
            var id = KeyEncoder.Decode(entity.PartitionKey);
            if (CampaignInstanceId.CampaignOf(id) == campaignId && Enum.TryParse<CampaignPhase>(entity.GetString("Phase"), out var phase))
            {
                yield return new InstanceHeader(id, phase, EntityValues.Instant(entity, "NextWakeUpAt"));
            }
        }
    }

    public async Task<IReadOnlyList<string>> ListRunningAsync(string customerId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = $"PartitionKey eq {TableQuery.Literal(KeyEncoder.Encode(customerId))} and RowKey ge {TableQuery.Literal("run|")} and RowKey lt {TableQuery.Literal("run}")}";
        var ids = new List<string>();
        await foreach (var entity in customers.QueryAsync(new TableQuery(filter, ["InstanceId"]), cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString("InstanceId") is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public async Task AddRunningAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(KeyEncoder.Encode(customerId), RunPrefix + KeyEncoder.Encode(instanceId)) { ["InstanceId"] = instanceId };
        await customers.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveRunningAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await customers.DeleteAsync(KeyEncoder.Encode(customerId), RunPrefix + KeyEncoder.Encode(instanceId), "*", cancellationToken).ConfigureAwait(false);
    }

    public async Task<CustomerSendTimes> GetSendTimesAsync(string customerId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await customers.GetEntityAsync(KeyEncoder.Encode(customerId), SendsRow, cancellationToken).ConfigureAwait(false);
        return SendTimes(entity);
    }

    public async Task<CustomerSendTimes> RecordSendAsync(
        string customerId, MessageChannel channel, DateTimeOffset at, CustomerSendTimes? known, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = KeyEncoder.Encode(customerId);
        if (known is not null)
        {
            // Times only grow, so a known time at or after this one is stored (or later) already.
            if (known.LastSentAt(channel) >= at)
            {
                return known;
            }

            if (await TryWriteSendAsync(partition, channel, at, known.ETag, cancellationToken).ConfigureAwait(false) is { } etag)
            {
                return known.With(channel, at) with { ETag = etag };
            }
        }

        while (true)
        {
            var current = SendTimes(await customers.GetEntityAsync(partition, SendsRow, cancellationToken).ConfigureAwait(false));
            if (current.LastSentAt(channel) >= at)
            {
                return current;
            }

            if (await TryWriteSendAsync(partition, channel, at, current.ETag, cancellationToken).ConfigureAwait(false) is { } etag)
            {
                return current.With(channel, at) with { ETag = etag };
            }
        }
    }

    /// <summary>Inserts the row (no <paramref name="etag"/>: there was none) or merges the column if unchanged; the new ETag, or null.</summary>
    private async Task<string?> TryWriteSendAsync(string partition, MessageChannel channel, DateTimeOffset at, string? etag, CancellationToken cancellationToken)
    {
        var update = new TableEntity(partition, SendsRow) { [channel.ToString()] = EntityValues.Instant(at.ToUniversalTime()) };
        var result = etag is null
            ? await customers.InsertAsync(update, cancellationToken).ConfigureAwait(false)
            : await customers.UpdateAsync(update, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.ETag ?? throw new InvalidOperationException("The table returned no ETag.") : null;
    }

    private static CustomerSendTimes SendTimes(TableEntity? entity) =>
        entity is null
            ? CustomerSendTimes.None
            : new CustomerSendTimes(EntityValues.Instant(entity, nameof(MessageChannel.Email)), EntityValues.Instant(entity, nameof(MessageChannel.Sms)))
            {
                ETag = entity.ETag ?? throw new InvalidOperationException("The table returned no ETag."),
            };

    private static TableEntity Entity(StoredInstance instance)
    {
        var state = instance.State;
        var entity = new TableEntity(KeyEncoder.Encode(state.InstanceId), StateRow)
        {
            ["CustomerId"] = state.CustomerId,
            ["CampaignId"] = state.CampaignId,
            ["Phase"] = state.Phase.ToString(),
        };
        EntityValues.SetLong(entity, "Json", JsonSerializer.Serialize(state, CampaignJson.Options));
        if (instance.NextWakeUpAt is { } next)
        {
            entity["NextWakeUpAt"] = EntityValues.Instant(next);
        }

        return entity;
    }
}
