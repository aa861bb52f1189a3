using System.Text;
using ChurnFunctions.Testing;
using SdkQueueClient = Azure.Storage.Queues.QueueClient;

namespace ChurnFunctions.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class QueueAndBlobClientTests(AzuriteFixture azurite) : IDisposable
{
    private readonly StorageAccount _account = StorageAccount.FromConnectionString(azurite.ConnectionString);

    [Fact]
    public async Task Queue_message_travels_base64_on_the_wire_and_decoded_to_the_caller()
    {
        var queue = _account.GetQueueClient("q" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync(default);
        const string text = "{\"name\":\"Zoë <&>\"}";

        await queue.SendAsync(text, null, default);
        var peeked = await new SdkQueueClient(azurite.ConnectionString, queue.Name).PeekMessagesAsync(1);
        var wire = Assert.Single(peeked.Value).Body.ToString();
        var received = await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), default);

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), wire);
        Assert.Equal(text, Assert.Single(received).Text);
    }

    [Fact]
    public async Task Message_another_writer_left_undecoded_is_received_as_it_is_with_the_others()
    {
        var queue = _account.GetQueueClient("q" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync(default);
        await new SdkQueueClient(azurite.ConnectionString, queue.Name).SendMessageAsync("plain {text}!");
        await queue.SendAsync("encoded", null, default);

        var received = await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30), default);

        Assert.Equal(["encoded", "plain {text}!"], received.Select(m => m.Text).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.False(string.IsNullOrEmpty(m.PopReceipt)));
    }

    [Fact]
    public async Task Received_message_is_hidden_counted_and_gone_after_delete()
    {
        var queue = _account.GetQueueClient("q" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync(default);
        await queue.SendAsync("one", null, default);

        var first = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromSeconds(60), default));
        var whileHidden = await queue.ReceiveAsync(32, TimeSpan.FromSeconds(60), default);
        var receipt = await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero, default);
        var second = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromSeconds(60), default));
        var deleted = await queue.DeleteAsync(second.MessageId, second.PopReceipt, default);
        var deletedAgain = await queue.DeleteAsync(second.MessageId, second.PopReceipt, default);

        Assert.Equal(1, first.DequeueCount);
        Assert.Empty(whileHidden);
        Assert.NotEqual(first.PopReceipt, receipt);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal("one", second.Text);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Equal(0, await queue.GetApproximateCountAsync(default));
    }

    [Fact]
    public async Task Delayed_message_is_not_visible_yet()
    {
        var queue = _account.GetQueueClient("q" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync(default);

        await queue.SendAsync("later", TimeSpan.FromMinutes(5), default);

        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), default));
        Assert.Equal(1, await queue.GetApproximateCountAsync(default));
    }

    [Fact]
    public async Task Blob_put_get_delete_round_trips_bytes()
    {
        var blobs = _account.GetBlobClient("c" + Guid.NewGuid().ToString("N")[..12]);
        await blobs.CreateContainerIfNotExistsAsync(default);
        await blobs.CreateContainerIfNotExistsAsync(default);
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();

        await blobs.PutAsync("in/2024 01/body.json", content, "application/json", default);
        var read = await blobs.GetAsync("in/2024 01/body.json", default);
        var deleted = await blobs.DeleteAsync("in/2024 01/body.json", default);

        Assert.Equal(content, read);
        Assert.True(deleted);
        Assert.Null(await blobs.GetAsync("in/2024 01/body.json", default));
        Assert.False(await blobs.DeleteAsync("in/2024 01/body.json", default));
    }

    public void Dispose() => _account.Dispose();
}
