using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Storage.Ports;

namespace ChurnFunctions.Storage.Campaigns;

/// <summary>
/// <see cref="IStaffTaskStore"/> on two tables. "stafftasks": PartitionKey "task", RowKey the task id, the task as
/// JSON; a call list is one partition read (staff work through tens or hundreds, not millions). "donotcall":
/// PartitionKey the customer id, RowKey "dnc": one point read per task made.
/// </summary>
public sealed class TableStaffTaskStore(StorageAccount account) : IStaffTaskStore
{
    public const string TableName = "stafftasks";
    public const string DoNotCallTableName = "donotcall";
    private const string Partition = "task";
    private const string DoNotCallRow = "dnc";
    private readonly JsonRows<StaffTask> tasks = new(account, TableName);
    private readonly JsonRows<DoNotCallEntry> doNotCall = new(account, DoNotCallTableName);

    public Task<bool> TryAddAsync(StaffTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return tasks.TryInsertAsync(Partition, task.Id, task, cancellationToken);
    }

    public Task<StaffTask?> GetAsync(string id, CancellationToken cancellationToken) => tasks.GetAsync(Partition, id, cancellationToken);

    public Task SaveAsync(StaffTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return tasks.UpsertAsync(Partition, task.Id, task, cancellationToken);
    }

    public async Task<IReadOnlyList<StaffTask>> ListAsync(StaffTaskStatus? status, CancellationToken cancellationToken)
    {
        var all = await tasks.QueryAsync(JsonRows<StaffTask>.PartitionRange(Partition, Partition), cancellationToken).ConfigureAwait(false);
        return [.. all.Where(t => status is null || t.Status == status).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> IsDoNotCallAsync(string customerId, CancellationToken cancellationToken) =>
        await doNotCall.GetAsync(customerId, DoNotCallRow, cancellationToken).ConfigureAwait(false) is not null;

    public Task MarkDoNotCallAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken) =>
        doNotCall.UpsertAsync(customerId, DoNotCallRow, new DoNotCallEntry(customerId, at), cancellationToken);

    private sealed record DoNotCallEntry(string CustomerId, DateTimeOffset At);
}
