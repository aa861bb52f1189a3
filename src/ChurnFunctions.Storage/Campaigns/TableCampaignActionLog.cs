using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Campaigns;

/// <summary>
/// Table "campaignactions": PartitionKey the instance id, RowKey the step id; Kind (issueCoupon, createStaffTask,
/// recordSkip), CustomerId, At and the action as JSON. Inserted once: a repeated action keeps the first row.
/// </summary>
public sealed class TableCampaignActionLog : ICampaignActionLog
{
    public const string TableName = "campaignactions";
    private readonly TableClient table;
    private readonly CreateOnce created;

    public TableCampaignActionLog(StorageAccount account)
    {
        table = account.GetTableClient(TableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task RecordAsync(string instanceId, string customerId, CampaignAction action, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (stepId, kind) = action switch
        {
            IssueCoupon c => (c.StepId, "issueCoupon"),
            CreateStaffTask t => (t.StepId, "createStaffTask"),
            RecordSkip s => (s.StepId, "recordSkip"),
            _ => throw new ArgumentException($"{action.GetType().Name} is not recorded here.", nameof(action)),
        };
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(KeyEncoder.Encode(instanceId), KeyEncoder.Encode(stepId))
        {
            ["Kind"] = kind,
            ["CustomerId"] = customerId,
            ["At"] = EntityValues.Instant(at),
        };
        EntityValues.SetLong(entity, "Json", JsonSerializer.Serialize(action, CampaignJson.Options));
        await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
    }
}
