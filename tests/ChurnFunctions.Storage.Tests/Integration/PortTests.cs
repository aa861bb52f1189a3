using System.Text;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class PortTests(AzuriteFixture azurite) : IDisposable
{
    private readonly StorageAccount _account = StorageAccount.FromConnectionString(azurite.ConnectionString);

    [Fact]
    public async Task Message_queue_is_created_on_first_send_and_round_trips_text()
    {
        var queue = new StorageMessageQueueFactory(_account).Get("p" + Guid.NewGuid().ToString("N")[..12]);

        await queue.SendAsync("héllo", null, default);
        var message = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), default));
        await queue.DeleteAsync(message, default);
        await queue.DeleteAsync(message, default);

        Assert.Equal("héllo", message.Text);
        Assert.NotNull(message.InsertedOn);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), default));
    }

    [Fact]
    public async Task Blob_store_creates_the_container_on_first_put()
    {
        var store = new StorageBlobStore(_account);
        var container = "b" + Guid.NewGuid().ToString("N")[..12];

        await store.PutAsync(container, "claim/1", Encoding.UTF8.GetBytes("body"), "text/plain", default);
        var read = await store.GetAsync(container, "claim/1", default);
        await store.DeleteAsync(container, "claim/1", default);
        await store.DeleteAsync(container, "claim/1", default);

        Assert.Equal("body", Encoding.UTF8.GetString(read!));
        Assert.Null(await store.GetAsync(container, "claim/1", default));
        Assert.Null(await store.GetAsync("missing" + Guid.NewGuid().ToString("N")[..8], "x", default));
    }

    public void Dispose() => _account.Dispose();
}
