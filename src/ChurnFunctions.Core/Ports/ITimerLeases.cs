namespace ChurnFunctions.Core.Ports;

/// <summary>
/// One lease per timer, shared by every process on the storage account, so that an occurrence runs in one of them:
/// the Functions host's singleton lock for timers. A lease lasts a finite time, so a crashed holder frees it; the
/// holder renews it while the job runs. The lease also carries the last occurrence that ran, so a process that gets
/// it just after another released it can tell that occurrence is done.
/// </summary>
public interface ITimerLeases
{
    /// <summary>The timer's lease for <paramref name="duration"/>, or null when another process holds it.</summary>
    Task<TimerLease?> TryAcquireAsync(string timerName, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends the lease by its duration again; false when it is no longer ours (it expired and was taken).</summary>
    Task<bool> RenewAsync(TimerLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="occurrence"/> as run, under the lease (never moving the record backwards); false when
    /// the lease is no longer ours, so nothing was recorded.
    /// </summary>
    Task<bool> RecordRunAsync(TimerLease lease, DateTimeOffset occurrence, CancellationToken cancellationToken);

    /// <summary>Frees the lease at once rather than when it expires; a lease already lost is ignored.</summary>
    Task ReleaseAsync(TimerLease lease, CancellationToken cancellationToken);
}
