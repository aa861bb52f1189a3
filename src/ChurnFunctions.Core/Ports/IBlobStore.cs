namespace ChurnFunctions.Core.Ports;

/// <summary>Blobs for claim checks: bodies too large for a queue message.</summary>
public interface IBlobStore
{
    Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The blob's content, or null when there is no such blob.</summary>
    Task<byte[]?> GetAsync(string container, string name, CancellationToken cancellationToken);

    Task DeleteAsync(string container, string name, CancellationToken cancellationToken);
}
