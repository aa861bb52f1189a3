using System.Collections.Concurrent;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Tests.Fakes;

internal sealed class InMemoryOutbox : IOutbox
{
    private readonly ConcurrentDictionary<string, OutboxEntry> entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<OutboxEntry> All => [.. entries.Values];

    public Task<bool> RecordAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryAdd(entry.SendId, entry));

    public Task<OutboxPage> ListAsync(OutboxQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(OutboxPage.Of(entries.Values, query));
}
