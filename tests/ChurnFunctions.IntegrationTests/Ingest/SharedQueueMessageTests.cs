using System.Net;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>Deliveries that arrive while the queue put is busy share a message, and each is still stored once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedQueueMessageTests(AzuriteFixture azurite)
{
    private const int Webhooks = 60;

    [Fact]
    public async Task Concurrent_webhooks_share_queue_messages_and_each_is_stored_once()
    {
        var email = $"shared-{Guid.NewGuid():N}@example.com";
        var customerId = 950_000_000L + Random.Shared.Next(1_000_000);
        var settings = new Dictionary<string, string?> { ["Ingest:MaxParallelEnqueues"] = "1" };
        int queuedMessages;
        await using (var intake = await SelfHostRunner.StartAsync(azurite.ConnectionString, listenToQueues: false, settings: settings))
        {
            var queue = intake.Storage.GetQueueClient(Triggers.IngestQueue);
            await queue.CreateIfNotExistsAsync(default);
            var before = await queue.GetApproximateCountAsync(default);

            var statuses = await Task.WhenAll(Enumerable.Range(1, Webhooks).Select(async i =>
            {
                var body = Payloads.ShopifyOrder(6_000_000 + i, customerId, email, 10m);
                using var response = await intake.Client.SendAsync(Payloads.Shopify(body, Guid.NewGuid().ToString()));
                return response.StatusCode;
            }));

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
            queuedMessages = await queue.GetApproximateCountAsync(default) - before;
        }

        Assert.InRange(queuedMessages, 1, Webhooks - 1);
        await using var worker = await SelfHostRunner.StartAsync(azurite.ConnectionString);
        var customer = await SelfHostRunner.EventuallyAsync(() => worker.FindCustomerAsync(email), c => c is not null && c.OrderCount >= Webhooks);
        await SelfHostRunner.EventuallyAsync(() => worker.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);
        Assert.Equal(Webhooks, customer!.OrderCount);
        Assert.Equal(Webhooks, customer.Transactions.Select(t => t.ExternalId).Distinct().Count());
    }
}
