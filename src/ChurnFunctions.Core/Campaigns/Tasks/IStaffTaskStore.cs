namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>Staff tasks and the do-not-call list.</summary>
public interface IStaffTaskStore
{
    /// <summary>Inserts the task; false when one with its id exists (nothing is written then).</summary>
    Task<bool> TryAddAsync(StaffTask task, CancellationToken cancellationToken);

    Task<StaffTask?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the stored task (outcomes).</summary>
    Task SaveAsync(StaffTask task, CancellationToken cancellationToken);

    /// <summary>Every task, oldest first; filter by status when given.</summary>
    Task<IReadOnlyList<StaffTask>> ListAsync(StaffTaskStatus? status, CancellationToken cancellationToken);

    Task<bool> IsDoNotCallAsync(string customerId, CancellationToken cancellationToken);

    Task MarkDoNotCallAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken);
}
