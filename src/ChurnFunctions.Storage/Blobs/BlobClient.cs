using System.Net;
using ChurnFunctions.Storage.Http;

namespace ChurnFunctions.Storage.Blobs;

/// <summary>
/// One blob container, over the Blob service REST API: block blobs written in one Put Blob (up to 5000 MiB by the
/// service's rules; this adapter is meant for claim-check bodies of a few MiB). 404 comes back as null or false.
/// </summary>
public sealed class BlobClient
{
    private readonly StorageHttp _http;

    internal BlobClient(StorageHttp http, string containerName)
    {
        _http = http;
        ContainerName = containerName;
        ContainerUri = new Uri($"{http.Connection.GetEndpoint(StorageService.Blob)}/{containerName}");
    }

    public string ContainerName { get; }

    internal Uri ContainerUri { get; }

    public async Task CreateContainerIfNotExistsAsync(CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Blob, HttpMethod.Put, new Uri($"{ContainerUri}?restype=container"));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes (or overwrites) a block blob.</summary>
    public async Task PutAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Blob, HttpMethod.Put, BlobUri(blobName))
        {
            Body = content,
            ContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType,
            Headers = [new("x-ms-blob-type", "BlockBlob")],
        };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The blob's content, or null when there is no such blob (or container).</summary>
    public async Task<byte[]?> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Blob, HttpMethod.Get, BlobUri(blobName));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false),
            HttpStatusCode.NotFound => null,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Deletes the blob (and its snapshots); false when there was none.</summary>
    public async Task<bool> DeleteAsync(string blobName, CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Blob, HttpMethod.Delete, BlobUri(blobName))
        {
            Headers = [new("x-ms-delete-snapshots", "include")],
        };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Accepted or HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    private Uri BlobUri(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return new Uri($"{ContainerUri}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}");
    }
}
