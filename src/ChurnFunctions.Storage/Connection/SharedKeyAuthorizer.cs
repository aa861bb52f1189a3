namespace ChurnFunctions.Storage.Connection;

/// <summary>Shared Key: an HMAC-SHA256 of the canonical request under the account key.</summary>
internal sealed class SharedKeyAuthorizer(string accountName, byte[] accountKey) : StorageAuthorizer
{
    public string AccountName { get; } = accountName;

    public override ValueTask AuthorizeAsync(HttpRequestMessage request, StorageService service, CancellationToken cancellationToken)
    {
        var signature = service == StorageService.Table
            ? SharedKeySigner.SignTable(request, AccountName, accountKey)
            : SharedKeySigner.SignBlobOrQueue(request, AccountName, accountKey);
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {AccountName}:{signature}");
        return ValueTask.CompletedTask;
    }
}
