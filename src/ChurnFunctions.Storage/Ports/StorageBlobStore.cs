using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Blobs;

namespace ChurnFunctions.Storage.Ports;

/// <summary><see cref="IBlobStore"/> over the Blob service; a container is created on its first put.</summary>
public sealed class StorageBlobStore(StorageAccount account) : IBlobStore
{
    private readonly ConcurrentDictionary<string, (BlobClient Client, CreateOnce Created)> _containers = new(StringComparer.Ordinal);

    public async Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var (client, created) = Container(container);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await client.PutAsync(name, content, contentType, cancellationToken).ConfigureAwait(false);
    }

    public Task<byte[]?> GetAsync(string container, string name, CancellationToken cancellationToken) =>
        Container(container).Client.GetAsync(name, cancellationToken);

    /// <summary>Deletes the blob; a missing one is ignored.</summary>
    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken) =>
        Container(container).Client.DeleteAsync(name, cancellationToken);

    private (BlobClient Client, CreateOnce Created) Container(string name) =>
        _containers.GetOrAdd(name, static (n, a) =>
        {
            var client = a.GetBlobClient(n);
            return (client, new CreateOnce(client.CreateContainerIfNotExistsAsync));
        }, account);
}
