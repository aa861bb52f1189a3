using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns.Tasks;

namespace ChurnFunctions.Core.Tests.Campaigns.Tasks;

internal sealed class InMemoryStaffTaskStore : IStaffTaskStore
{
    private readonly ConcurrentDictionary<string, StaffTask> tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> doNotCall = new(StringComparer.Ordinal);

    public Task<bool> TryAddAsync(StaffTask task, CancellationToken cancellationToken) => Task.FromResult(tasks.TryAdd(task.Id, task));

    public Task<StaffTask?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(tasks.GetValueOrDefault(id));

    public Task SaveAsync(StaffTask task, CancellationToken cancellationToken)
    {
        tasks[task.Id] = task;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StaffTask>> ListAsync(StaffTaskStatus? status, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffTask>>([.. tasks.Values.Where(t => status is null || t.Status == status).OrderBy(t => t.CreatedAt)]);

    public Task<bool> IsDoNotCallAsync(string customerId, CancellationToken cancellationToken) => Task.FromResult(doNotCall.ContainsKey(customerId));

    public Task MarkDoNotCallAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        doNotCall[customerId] = at;
        return Task.CompletedTask;
    }
}
