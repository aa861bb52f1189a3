using ChurnFunctions.Storage.Connection;
using SdkBlobServiceClient = Azure.Storage.Blobs.BlobServiceClient;

namespace ChurnFunctions.Storage.Blobs;

/// <summary>The account's blob service as a whole: which containers exist.</summary>
public sealed class BlobServiceClient
{
    private readonly SdkBlobServiceClient _service;
    private readonly int _attempts;

    internal BlobServiceClient(SdkBlobServiceClient service, int attempts)
    {
        _service = service;
        _attempts = attempts;
    }

    public IAsyncEnumerable<string> ListContainersAsync(CancellationToken cancellationToken) =>
        StorageCall.ListAsync(StorageService.Blob, "ListContainers", "-", _attempts,
                ct => _service.GetBlobContainersAsync(cancellationToken: ct).AsPages(), cancellationToken)
            .Select(container => container.Name);
}
