using System.Collections.Concurrent;
using ChurnFunctions.Core.Alerts;

namespace ChurnFunctions.Core.Tests.Fakes;

internal sealed class InMemoryAlertStore : IAlertStore
{
    private readonly ConcurrentDictionary<(DateOnly, string), Alert> alerts = new();

    public IReadOnlyCollection<Alert> All => [.. alerts.Values];

    public Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken) =>
        Task.FromResult(alerts.TryAdd((alert.Date, alert.Condition), alert));

    public Task<IReadOnlyList<Alert>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. alerts.Values.Where(a => a.Date >= from && a.Date <= to).OrderBy(a => a.Date).ThenBy(a => a.RaisedAt)]);
}
