using System.Collections.Concurrent;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Tests.Fakes;

internal sealed class InMemoryMetricsStore : IMetricsStore
{
    private readonly ConcurrentDictionary<DateOnly, MetricsSnapshot> snapshots = new();

    public Task SaveAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken)
    {
        snapshots[snapshot.Date] = snapshot;
        return Task.CompletedTask;
    }

    public Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(snapshots.Values.MaxBy(s => s.Date));

    public Task<IReadOnlyList<MetricsSnapshot>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MetricsSnapshot>>([.. snapshots.Values.Where(s => s.Date >= from && s.Date <= to).OrderBy(s => s.Date)]);
}
