using System.Runtime.CompilerServices;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Campaigns;

/// <summary>
/// A campaign's instances from "campaigninstances" (see <see cref="TableCampaignInstanceStore"/>): a full-table query
/// filtered on the CampaignId column the store writes on each state row. Cost: the service reads every row (one
/// request per 1,000 rows scanned, continuation included), so a report costs the size of all campaigns together.
/// A per-campaign index partition would make it proportional to the campaign, at one more write per start.
/// </summary>
public sealed class TableCampaignInstanceReader : ICampaignInstanceReader
{
    private readonly TableClient instances;
    private readonly CreateOnce created;

    public TableCampaignInstanceReader(StorageAccount account)
    {
        instances = account.GetTableClient(TableCampaignInstanceStore.InstancesTable);
        created = new CreateOnce(instances.CreateIfNotExistsAsync);
    }

    public async IAsyncEnumerable<CampaignInstanceState> ListAsync(string campaignId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = $"RowKey eq 'state' and CampaignId eq {TableQuery.Literal(campaignId)}";
        await foreach (var entity in instances.QueryAsync(new TableQuery(filter, PageSize: 1000), cancellationToken).ConfigureAwait(false))
        {
            if (JsonSerializer.Deserialize<CampaignInstanceState>(EntityValues.GetLong(entity, "Json") ?? "null", CampaignJson.Options) is { } state)
            {
                yield return state;
            }
        }
    }
}
