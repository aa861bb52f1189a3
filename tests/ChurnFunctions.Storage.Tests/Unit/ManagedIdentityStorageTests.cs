using System.Net;
using System.Text;
using Azure.Core.Pipeline;

namespace ChurnFunctions.Storage.Tests.Unit;

/// <summary>
/// Identity-based settings end to end, with a stub in place of the network: the user-assigned managed identity named
/// by __clientId is asked for a storage token, and the SDK sends that token as a bearer to the service endpoints.
/// </summary>
public sealed class ManagedIdentityStorageTests
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";
    private const string Token = "token-from-the-managed-identity";

    [Fact]
    public async Task User_assigned_managed_identity_token_reaches_the_table_queue_and_blob_requests()
    {
        var handler = new StubHandler(request => request.RequestUri!.Host == "169.254.169.254"
            ? new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    $$"""{"access_token":"{{Token}}","expires_in":"3600","expires_on":"{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}","resource":"https://storage.azure.com","token_type":"Bearer"}""",
                    Encoding.UTF8,
                    "application/json"),
            }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
        var options = new StorageOptions
        {
            AccountName = "acme",
            Credential = "managedidentity",
            ClientId = ClientId,
            TableServiceUri = new Uri("https://tables.example"),
            MaxRetries = 0,
        };
        using var account = StorageAccount.Create(options, credential: null, new HttpClientTransport(handler), logger: null);

        Assert.Null(await account.GetTableClient("identities").GetEntityAsync("p", "r", default));
        Assert.False(await account.GetQueueClient("ingest").DeleteAsync("id", "receipt", default));
        Assert.Null(await account.GetBlobClient("bodies").GetAsync("b.json", default));

        var tokenRequests = handler.Requests.Where(r => r.RequestUri!.Host == "169.254.169.254").ToList();
        var storageRequests = handler.Requests.Except(tokenRequests).ToList();
        Assert.NotEmpty(tokenRequests);
        Assert.All(tokenRequests, r => Assert.Contains($"client_id={ClientId}", r.RequestUri!.Query, StringComparison.Ordinal));
        Assert.Equal(["tables.example", "acme.queue.core.windows.net", "acme.blob.core.windows.net"], storageRequests.Select(r => r.RequestUri!.Host));
        Assert.All(storageRequests, r => Assert.Equal($"Bearer {Token}", r.Headers.Authorization?.ToString()));
    }
}
