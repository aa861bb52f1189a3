using System.Net;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ChurnFunctions.Storage.Connection;
using BlobContainerClient = Azure.Storage.Blobs.BlobContainerClient;

namespace ChurnFunctions.Storage.Blobs;

/// <summary>
/// One blob container, over the SDK's <see cref="BlobContainerClient"/>: block blobs written in one upload (this
/// adapter is meant for claim-check bodies of a few MiB), metadata and leases. 404 comes back as null or false, as do
/// the lease conflicts a caller expects (409 LeaseAlreadyPresent, a lease id that no longer holds).
/// </summary>
public sealed class BlobClient
{
    private readonly BlobContainerClient _container;
    private readonly int _attempts;

    internal BlobClient(BlobContainerClient container, int attempts)
    {
        _container = container;
        _attempts = attempts;
    }

    public string ContainerName => _container.Name;

    public Task CreateContainerIfNotExistsAsync(CancellationToken cancellationToken) =>
        RunAsync("CreateContainer", (container, ct) => container.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);

    /// <summary>Writes (or overwrites) a block blob.</summary>
    public Task PutAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var blob = Blob(blobName);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType },
        };
        return RunAsync("PutBlob", (_, ct) => blob.UploadAsync(new BinaryData(content), options, ct), cancellationToken);
    }

    /// <summary>The blob's content, or null when there is no such blob (or container).</summary>
    public Task<byte[]?> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = Blob(blobName);
        return RunAsync("GetBlob", async (_, ct) =>
        {
            try
            {
                var download = await blob.DownloadContentAsync(ct).ConfigureAwait(false);
                return download.Value.Content.ToArray();
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken);
    }

    /// <summary>Deletes the blob (and its snapshots); false when there was none.</summary>
    public Task<bool> DeleteAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = Blob(blobName);
        return RunAsync("DeleteBlob", async (_, ct) =>
            (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct).ConfigureAwait(false)).Value, cancellationToken);
    }

    /// <summary>Every blob in the container (name and last change), page by page; none when there is no container.</summary>
    public async IAsyncEnumerable<BlobItem> ListAsync(string? prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var blobs = StorageCall.ListAsync(StorageService.Blob, "ListBlobs", ContainerName, _attempts,
            ct => _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct).AsPages(), cancellationToken);
        var enumerator = blobs.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (StorageException ex) when (ex.Status == HttpStatusCode.NotFound)
                {
                    more = false;
                }

                if (!more)
                {
                    yield break;
                }

                yield return new BlobItem(enumerator.Current.Name, enumerator.Current.Properties.LastModified);
            }
        }
    }

    /// <summary>Creates an empty block blob unless the blob exists (it may be leased); true when this call created it.</summary>
    public Task<bool> CreateIfNotExistsAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = Blob(blobName);
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        return RunAsync("CreateBlob", async (_, ct) =>
        {
            try
            {
                await blob.UploadAsync(BinaryData.Empty, options, ct).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>The blob's metadata (names lower-cased), or null when there is no such blob.</summary>
    public Task<IReadOnlyDictionary<string, string>?> GetMetadataAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = Blob(blobName);
        return RunAsync<IReadOnlyDictionary<string, string>?>("GetBlobProperties", async (_, ct) =>
        {
            try
            {
                var properties = await blob.GetPropertiesAsync(cancellationToken: ct).ConfigureAwait(false);
                return properties.Value.Metadata.ToDictionary(m => m.Key.ToLowerInvariant(), m => m.Value, StringComparer.Ordinal);
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces the blob's metadata; on a leased blob <paramref name="leaseId"/> must be the active lease. False when
    /// it is not (412: the lease expired or another holds it).
    /// </summary>
    public Task<bool> SetMetadataAsync(string blobName, IReadOnlyDictionary<string, string> metadata, string? leaseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var blob = Blob(blobName);
        var values = metadata.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var conditions = leaseId is null ? null : new BlobRequestConditions { LeaseId = leaseId };
        return RunAsync("SetBlobMetadata", async (_, ct) =>
        {
            try
            {
                await blob.SetMetadataAsync(values, conditions, ct).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Acquires a lease of <paramref name="duration"/> (15 to 60 seconds) on an existing blob; null when another lease
    /// is active (409 LeaseAlreadyPresent). The lease id is proposed here, so a retried acquire whose first attempt
    /// succeeded unseen re-acquires the same lease instead of finding it "present".
    /// </summary>
    public Task<string?> AcquireLeaseAsync(string blobName, TimeSpan duration, CancellationToken cancellationToken)
    {
        var seconds = (int)duration.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 15, nameof(duration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, 60, nameof(duration));
        var lease = Blob(blobName).GetBlobLeaseClient(Guid.NewGuid().ToString("D"));
        return RunAsync("AcquireLease", async (_, ct) =>
        {
            try
            {
                return (await lease.AcquireAsync(TimeSpan.FromSeconds(seconds), cancellationToken: ct).ConfigureAwait(false)).Value.LeaseId;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.LeaseAlreadyPresent)
            {
                return null;
            }
        }, cancellationToken);
    }

    /// <summary>Renews the lease for its duration again; false when <paramref name="leaseId"/> no longer holds it (409).</summary>
    public Task<bool> RenewLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken)
    {
        var lease = Blob(blobName).GetBlobLeaseClient(leaseId);
        return LeaseActionAsync("RenewLease", ct => lease.RenewAsync(cancellationToken: ct), cancellationToken);
    }

    /// <summary>Ends the lease now; false when <paramref name="leaseId"/> no longer held it (409).</summary>
    public Task<bool> ReleaseLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken)
    {
        var lease = Blob(blobName).GetBlobLeaseClient(leaseId);
        return LeaseActionAsync("ReleaseLease", ct => lease.ReleaseAsync(cancellationToken: ct), cancellationToken);
    }

    private Task<bool> LeaseActionAsync<T>(string operation, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken) =>
        RunAsync(operation, async (_, ct) =>
        {
            try
            {
                await action(ct).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
                return false;
            }
        }, cancellationToken);

    private Azure.Storage.Blobs.BlobClient Blob(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return _container.GetBlobClient(blobName);
    }

    private async Task<T> RunAsync<T>(string operation, Func<BlobContainerClient, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var call = StorageCall.Begin(StorageService.Blob, operation, ContainerName);
        try
        {
            return await action(_container, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageCall.IsStorageFailure(ex, cancellationToken))
        {
            throw call.Failed(ex, _attempts);
        }
    }
}
