using System.Net;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>With Api:ReadKeys set, a till's POS key sends sales but cannot read customers, and a read key cannot send.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadKeyTests(AzuriteFixture azurite)
{
    private const string ReadKey = "reader-key-3c81f0";

    [Fact]
    public async Task Read_routes_take_the_read_keys_and_the_pos_route_the_pos_keys()
    {
        await using var host = await SelfHostRunner.StartAsync(
            azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Api:ReadKeys"] = ReadKey });
        var sale = Payloads.PosTransaction($"T-{Guid.NewGuid():N}", "till@example.com", 12m);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(Read(Secrets.ApiKey))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(Read(ReadKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(Payloads.Pos(sale, ReadKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Pos(sale, Secrets.ApiKey))).StatusCode);

        // The sale is stored, not left queued for the tests after this one.
        await SelfHostRunner.EventuallyAsync(() => host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);
    }

    private static HttpRequestMessage Read(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers/cdoesnotexist");
        request.Headers.Add("x-api-key", key);
        return request;
    }
}
