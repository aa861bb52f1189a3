using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Tests.Fakes;

internal sealed class InMemoryBlobStore : IBlobStore
{
    public ConcurrentDictionary<string, byte[]> Blobs { get; } = new();

    public Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        Blobs[$"{container}/{name}"] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult(Blobs.TryGetValue($"{container}/{name}", out var b) ? b : null);

    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        Blobs.TryRemove($"{container}/{name}", out _);
        return Task.CompletedTask;
    }
}
