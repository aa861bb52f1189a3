namespace ChurnFunctions.Storage.Connection;

/// <summary>Adds credentials to a request just before it is sent (once per attempt: the date is part of the signature).</summary>
internal abstract class StorageAuthorizer
{
    public abstract ValueTask AuthorizeAsync(HttpRequestMessage request, StorageService service, CancellationToken cancellationToken);
}
