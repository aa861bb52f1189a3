using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Engagement;

/// <summary>
/// <see cref="IProcessedEvents"/> on table "processedevents": PartitionKey the source, RowKey the event id, column Claim
/// a fresh id per claim. An insert that answers 409 is read back: a retried insert whose first try landed finds its
/// own claim id and still counts as claimed by this call.
/// </summary>
public sealed class TableProcessedEvents : IProcessedEvents
{
    public const string TableName = "processedevents";
    private const string ClaimColumn = "Claim";
    private readonly TableClient table;
    private readonly CreateOnce created;

    public TableProcessedEvents(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.GetTableClient(TableName);
        created = new CreateOnce(table.CreateIfNotExistsAsync);
    }

    public async Task<bool> TryClaimAsync(string source, string eventId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var claim = Guid.NewGuid().ToString("N");
        var entity = new TableEntity(KeyEncoder.Encode(source), KeyEncoder.Encode(eventId)) { [ClaimColumn] = claim };
        var result = await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return true;
        }

        var stored = await table.GetEntityAsync(entity.PartitionKey, entity.RowKey, cancellationToken).ConfigureAwait(false);
        return stored?.GetString(ClaimColumn) == claim;
    }

    public async Task ReleaseAsync(string source, string eventId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await table.DeleteAsync(KeyEncoder.Encode(source), KeyEncoder.Encode(eventId), "*", cancellationToken).ConfigureAwait(false);
    }
}
