using System.Collections.Concurrent;
using System.Net;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>
/// Azurite (on a data folder, so a restart keeps what it stored) goes down in the middle of 2,000 webhooks. While it
/// is down the endpoints answer 503 and the "platform" here retries those later, as Shopify does; in the end every
/// webhook that got a 2xx is stored exactly once.
/// </summary>
public sealed class StorageOutageTests(PersistentAzuriteFixture azurite) : IClassFixture<PersistentAzuriteFixture>
{
    private const int Webhooks = 2000;
    private const int Customers = 100;

    [Fact]
    public async Task Webhooks_during_a_storage_outage_get_503_and_every_accepted_one_is_stored_exactly_once()
    {
        await using var host = await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Ingest:EnqueueTimeout"] = "00:00:01" });
        var pending = new ConcurrentQueue<int>(Enumerable.Range(0, Webhooks));
        var retryLater = new ConcurrentQueue<int>();
        var accepted = new ConcurrentDictionary<int, int>();
        var unexpected = new ConcurrentBag<string>();
        var answered = 0;
        var unavailable = 0;

        async Task SendAllAsync(ConcurrentQueue<int> work)
        {
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                while (work.TryDequeue(out var i))
                {
                    var status = await SendAsync(host, i);
                    if (SelfHostRunner.IsSuccess(status))
                    {
                        accepted.AddOrUpdate(i, 1, (_, n) => n + 1);
                        Interlocked.Increment(ref answered);
                    }
                    else if (status == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref unavailable);
                        retryLater.Enqueue(i);
                    }
                    else
                    {
                        unexpected.Add($"{i}: {status}");
                    }
                }
            }));
        }

        var sending = SendAllAsync(pending);
        await SelfHostRunner.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref answered)), n => n >= 600);
        azurite.Stop();
        await SelfHostRunner.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref unavailable)), n => n >= 100);
        await azurite.StartAsync();
        await sending;

        for (var round = 0; round < 5 && !retryLater.IsEmpty; round++)
        {
            var again = new ConcurrentQueue<int>();
            while (retryLater.TryDequeue(out var i))
            {
                again.Enqueue(i);
            }

            await SendAllAsync(again);
        }

        Assert.Empty(unexpected);
        Assert.True(unavailable >= 100, $"only {unavailable} answers were 503 while storage was down");
        Assert.Equal(Webhooks, accepted.Count);
        for (var c = 0; c < Customers; c++)
        {
            var expected = Enumerable.Range(0, Webhooks).Where(i => i % Customers == c).Select(i => $"order:{OrderId(i)}").ToHashSet();
            CustomerView? customer;
            try
            {
                customer = await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(Email(c)), v => v is not null && v.OrderCount >= expected.Count);
            }
            catch (TimeoutException)
            {
                var last = await host.FindCustomerAsync(Email(c));
                var queued = await host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default);
                Assert.Fail($"customer {c}: {(last is null ? "not found" : $"{last.OrderCount} of {expected.Count} orders")}; {queued} still queued");
                throw;
            }

            var stored = customer!.Transactions.Select(t => t.ExternalId).ToList();
            Assert.Equal(expected.Count, customer.OrderCount);
            Assert.Equal(stored.Count, stored.Distinct().Count());
            Assert.True(expected.SetEquals(stored), $"customer {c}: stored orders differ from accepted ones");
        }
    }

    private static long OrderId(int i) => 7_000_000 + i;

    private static string Email(int customer) => $"outage-{customer}@example.com";

    private static async Task<HttpStatusCode> SendAsync(SelfHostRunner host, int i)
    {
        var body = Payloads.ShopifyOrder(OrderId(i), 60_000 + (i % Customers), Email(i % Customers), 10m + (i % 7));
        try
        {
            using var response = await host.Client.SendAsync(Payloads.Shopify(body, $"outage-event-{i}"));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The platform sees a failed delivery and retries it, exactly as for a 503.
            return HttpStatusCode.ServiceUnavailable;
        }
    }
}
