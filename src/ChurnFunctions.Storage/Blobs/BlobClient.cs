using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ChurnFunctions.Storage.Http;

namespace ChurnFunctions.Storage.Blobs;

/// <summary>
/// One blob container, over the Blob service REST API: block blobs written in one Put Blob (up to 5000 MiB by the
/// service's rules; this adapter is meant for claim-check bodies of a few MiB), metadata and leases. 404 comes back
/// as null or false, as do the lease conflicts a caller expects (409 LeaseAlreadyPresent, a lease id that no longer
/// holds).
/// </summary>
public sealed class BlobClient
{
    private const string MetadataPrefix = "x-ms-meta-";

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

    /// <summary>Every blob in the container (name and last change), following markers page by page; none when there is no container.</summary>
    public async IAsyncEnumerable<BlobItem> ListAsync(string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var query = "?restype=container&comp=list&maxresults=1000"
                + (prefix is null ? string.Empty : "&prefix=" + Uri.EscapeDataString(prefix))
                + (marker is null ? string.Empty : "&marker=" + Uri.EscapeDataString(marker));
            var request = new StorageRequest(StorageService.Blob, HttpMethod.Get, new Uri($"{ContainerUri}{query}"));
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                yield break;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
            }

            var document = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            foreach (var blob in document.Descendants("Blob"))
            {
                var modified = blob.Element("Properties")?.Element("Last-Modified")?.Value;
                yield return new BlobItem(
                    blob.Element("Name")?.Value ?? string.Empty,
                    modified is null ? null : DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            }

            marker = document.Root?.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    /// <summary>Creates an empty block blob unless the blob exists (it may be leased); true when this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(string blobName, CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Blob, HttpMethod.Put, BlobUri(blobName))
        {
            Headers = [new("x-ms-blob-type", "BlockBlob"), new("If-None-Match", "*")],
        };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => true,
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => false,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The blob's metadata (names lower-cased), or null when there is no such blob.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> GetMetadataAsync(string blobName, CancellationToken cancellationToken)
    {
        var request = new StorageRequest(StorageService.Blob, HttpMethod.Head, BlobUri(blobName));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => response.Headers
                .Where(h => h.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key[MetadataPrefix.Length..].ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal),
            HttpStatusCode.NotFound => null,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Replaces the blob's metadata; on a leased blob <paramref name="leaseId"/> must be the active lease. False when
    /// it is not (412: the lease expired or another holds it).
    /// </summary>
    public async Task<bool> SetMetadataAsync(string blobName, IReadOnlyDictionary<string, string> metadata, string? leaseId, CancellationToken cancellationToken)
    {
        var headers = metadata.Select(m => new KeyValuePair<string, string>(MetadataPrefix + m.Key, m.Value)).ToList();
        if (leaseId is not null)
        {
            headers.Add(new("x-ms-lease-id", leaseId));
        }

        var request = new StorageRequest(StorageService.Blob, HttpMethod.Put, new Uri($"{BlobUri(blobName)}?comp=metadata")) { Headers = headers };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.PreconditionFailed => false,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Acquires a lease of <paramref name="duration"/> (15 to 60 seconds) on an existing blob; null when another lease
    /// is active (409 LeaseAlreadyPresent). The lease id is proposed here, so a retried acquire whose first attempt
    /// succeeded unseen re-acquires the same lease instead of finding it "present".
    /// </summary>
    public async Task<string?> AcquireLeaseAsync(string blobName, TimeSpan duration, CancellationToken cancellationToken)
    {
        var seconds = (int)duration.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 15, nameof(duration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, 60, nameof(duration));
        var leaseId = Guid.NewGuid().ToString("D");
        var request = LeaseRequest(blobName, "acquire", [
            new("x-ms-lease-duration", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("x-ms-proposed-lease-id", leaseId)]);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return response.Headers.TryGetValues("x-ms-lease-id", out var ids) ? ids.First() : leaseId;
        }

        var error = await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
        return error.ErrorCode == "LeaseAlreadyPresent" ? null : throw error;
    }

    /// <summary>Renews the lease for its duration again; false when <paramref name="leaseId"/> no longer holds it (409).</summary>
    public Task<bool> RenewLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken) =>
        LeaseActionAsync(blobName, "renew", leaseId, cancellationToken);

    /// <summary>Ends the lease now; false when <paramref name="leaseId"/> no longer held it (409).</summary>
    public Task<bool> ReleaseLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken) =>
        LeaseActionAsync(blobName, "release", leaseId, cancellationToken);

    private async Task<bool> LeaseActionAsync(string blobName, string action, string leaseId, CancellationToken cancellationToken)
    {
        var request = LeaseRequest(blobName, action, [new("x-ms-lease-id", leaseId)]);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Conflict => false,
            _ => throw await StorageHttp.ErrorAsync(request, response, cancellationToken).ConfigureAwait(false),
        };
    }

    private StorageRequest LeaseRequest(string blobName, string action, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(StorageService.Blob, HttpMethod.Put, new Uri($"{BlobUri(blobName)}?comp=lease"))
        {
            Headers = [new("x-ms-lease-action", action), .. headers],
        };

    private Uri BlobUri(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return new Uri($"{ContainerUri}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}");
    }
}
