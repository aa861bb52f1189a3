namespace ChurnFunctions.Core.Scoring;

/// <summary>Daily metrics snapshots, one per run day (a re-run replaces the day).</summary>
public interface IMetricsStore
{
    Task SaveAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The snapshot with the latest date, or null before the first run.</summary>
    Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>Snapshots with <paramref name="from"/> &lt;= Date &lt;= <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<MetricsSnapshot>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
