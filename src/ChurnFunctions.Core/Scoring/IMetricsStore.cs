namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// Daily metrics snapshots, one per run day (a re-run replaces the day), and the latest-run pointer readers go through:
/// a run's scores and snapshot are written first and become visible together when <see cref="PublishAsync"/> moves
/// the pointer, so a run that fails on the way leaves the previous one in force.
/// </summary>
public interface IMetricsStore
{
    /// <summary>Writes the day's snapshot; readers do not see the run until it is published.</summary>
    Task SaveAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Moves the latest-run pointer to this snapshot's run (its scores are under the same date).</summary>
    Task PublishAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The snapshot of the published run, or null before the first run.</summary>
    Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>Snapshots with <paramref name="from"/> &lt;= Date &lt;= <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<MetricsSnapshot>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
