using System.Collections.Concurrent;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Tests.Fakes;

internal sealed class InMemoryOutbox : IOutbox
{
    private readonly ConcurrentDictionary<string, OutboxEntry> entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<OutboxEntry> All => [.. entries.Values];

    public Task<bool> RecordAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryAdd(entry.SendId, entry));

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. entries.Values.OrderByDescending(e => e.RecordedAt).Take(max)]);
}
