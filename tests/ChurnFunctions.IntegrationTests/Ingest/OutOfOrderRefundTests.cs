using System.Net;
using System.Text.Json;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>
/// A Shopify refund names its order, not its buyer, and may arrive before it. Through `churn serve` and Azurite, with
/// the retry schedule shortened: the refund is put back with growing delays until its order is stored, or poisoned as
/// order-not-found with its envelope, which stores the refund when replayed after the order.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutOfOrderRefundTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_refund_before_its_order_waits_for_it_and_is_stored_not_poisoned()
    {
        var (orderId, email) = NewOrder();
        // 2, 4, 8, 16 s: half a minute for the order to be stored, as the defaults give 7.5 minutes.
        await using var run = await StartAsync(orderId, retryDelay: "00:00:02", maxRetryDelay: "00:00:16");
        var poison = await EmptyPoisonQueueAsync(run.Host);

        Assert.Equal(HttpStatusCode.Accepted, (await run.Host.Client.SendAsync(Refund(orderId))).StatusCode);
        await SelfHostRunner.EventuallyAsync(() => Task.FromResult(run.Watch.Misses.Count), n => n >= 1);
        Assert.Equal(HttpStatusCode.Accepted, (await run.Host.Client.SendAsync(Order(orderId, email))).StatusCode);

        var customer = await SelfHostRunner.EventuallyAsync(() => run.Host.FindCustomerAsync(email), c => c?.RefundCount == 1);
        Assert.Equal((1, 30m), (customer!.OrderCount, customer.NetSpend));
        Assert.Equal(0, await poison.GetApproximateCountAsync(default));
    }

    [Fact]
    public async Task A_refund_whose_order_never_comes_is_poisoned_as_order_not_found_and_its_replay_after_the_order_stores_it()
    {
        var (orderId, email) = NewOrder();
        await using var run = await StartAsync(orderId, retryDelay: "00:00:00.250", maxRetryDelay: "00:00:01");
        var poison = await EmptyPoisonQueueAsync(run.Host);
        var refund = Refund(orderId);
        var refundBody = await refund.Content!.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await run.Host.Client.SendAsync(refund)).StatusCode);

        await SelfHostRunner.EventuallyAsync(() => poison.GetApproximateCountAsync(default), n => n > 0);
        var message = Assert.Single(await poison.ReceiveAsync(32, TimeSpan.FromMinutes(1), default));
        var entry = JsonSerializer.Deserialize<PoisonEntry>(message.Text, JsonSerializerOptions.Web)!;
        Assert.Equal((OrderNotFoundException.Reason, nameof(OrderNotFoundException), 5L), (entry.Reason, entry.Error, entry.DequeueCount));
        Assert.Equal(refundBody, IngestEnvelopeSerializer.Deserialize(entry.Message!).Body);
        // Five attempts, each put back for twice as long as the one before (up to the cap): not five in a second.
        var misses = run.Watch.Misses;
        Assert.Equal(5, misses.Count);
        double[] waits = [0.25, 0.5, 1, 1];
        for (var i = 0; i < waits.Length; i++)
        {
            Assert.True(misses[i + 1] - misses[i] >= TimeSpan.FromSeconds(waits[i]) - TimeSpan.FromMilliseconds(50), $"attempt {i + 2} came after {misses[i + 1] - misses[i]}");
        }

        Assert.Equal(HttpStatusCode.Accepted, (await run.Host.Client.SendAsync(Order(orderId, email))).StatusCode);
        await SelfHostRunner.EventuallyAsync(() => run.Host.FindCustomerAsync(email), c => c?.OrderCount == 1);
        await run.Host.Queue(Triggers.IngestQueue).SendAsync(entry.Message!, null, default);

        var customer = await SelfHostRunner.EventuallyAsync(() => run.Host.FindCustomerAsync(email), c => c?.RefundCount == 1);
        Assert.Equal(30m, customer!.NetSpend);
    }

    private static (long OrderId, string Email) NewOrder()
    {
        var orderId = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
        return (orderId, $"refund-first-{orderId}@example.com");
    }

    private static HttpRequestMessage Order(long orderId, string email) =>
        Payloads.Shopify(Payloads.ShopifyOrder(orderId, orderId + 1, email, 50m), "evt-order-" + orderId);

    private static HttpRequestMessage Refund(long orderId) =>
        Payloads.Shopify(Payloads.ShopifyRefund(orderId + 2, orderId, 20m), "evt-refund-" + orderId, "refunds/create");

    private async Task<Run> StartAsync(long orderId, string retryDelay, string maxRetryDelay)
    {
        OrderLookupWatch? watch = null;
        var host = await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            services: s =>
            {
                s.AddSingleton<TableIdentityIndex>();
                s.Replace(ServiceDescriptor.Singleton<IIdentityIndex>(sp => watch = new OrderLookupWatch(
                    sp.GetRequiredService<TableIdentityIndex>(), IdentityKeys.ForOrder(SourceNames.Shopify, "order:" + orderId))));
            },
            settings: new Dictionary<string, string?> { ["Ingest:RetryDelay"] = retryDelay, ["Ingest:MaxRetryDelay"] = maxRetryDelay });
        _ = host.Services.GetRequiredService<IIdentityIndex>();
        return new Run(host, watch!);
    }

    private static async Task<Storage.Queues.QueueClient> EmptyPoisonQueueAsync(SelfHostRunner host)
    {
        var poison = host.Storage.GetQueueClient(Triggers.IngestPoisonQueue);
        await poison.CreateIfNotExistsAsync(default);
        await poison.ClearAsync(default);
        return poison;
    }

    private sealed record Run(SelfHostRunner Host, OrderLookupWatch Watch) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
