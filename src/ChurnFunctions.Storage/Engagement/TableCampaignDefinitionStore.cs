using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Engagement;

/// <summary>
/// <see cref="ICampaignDefinitionStore"/> on table "campaigns": PartitionKey "campaign", RowKey the campaign id, column
/// Json the definition in <see cref="CampaignJson"/>'s shape (split across columns when long). Saving replaces.
/// </summary>
public sealed class TableCampaignDefinitionStore : ICampaignDefinitionStore
{
    public const string TableName = "campaigns";
    private const string Partition = "campaign";
    private const string Column = "Json";
    private readonly TableClient table;
    private readonly CreateOnce created;

    public TableCampaignDefinitionStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.GetTableClient(TableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, KeyEncoder.Encode(definition.Id));
        EntityValues.SetLong(entity, Column, CampaignJson.Write(definition));
        await table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityAsync(Partition, KeyEncoder.Encode(campaignId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Read(entity);
    }

    public async Task<IReadOnlyList<CampaignDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<CampaignDefinition>();
        await foreach (var entity in table.QueryAsync(new TableQuery($"PartitionKey eq {TableQuery.Literal(Partition)}"), cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(entity));
        }

        return [.. result.OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    private static CampaignDefinition Read(TableEntity entity) =>
        CampaignJson.ReadDefinition(EntityValues.GetLong(entity, Column) ?? "null")
        ?? throw new InvalidOperationException($"Campaign row {entity.RowKey} holds no definition.");
}
