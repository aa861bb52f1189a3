namespace ChurnFunctions.Storage.Connection;

/// <summary>A shared access signature from the connection string, appended to every request's query.</summary>
internal sealed class SasAuthorizer(string sharedAccessSignature) : StorageAuthorizer
{
    private readonly string _sas = sharedAccessSignature.TrimStart('?');

    public override ValueTask AuthorizeAsync(HttpRequestMessage request, StorageService service, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        request.RequestUri = new Uri(uri.OriginalString + separator + _sas);
        return ValueTask.CompletedTask;
    }
}
