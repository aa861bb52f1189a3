using System.Net;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>HTTP -> queue -> table through the self-host and a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await SelfHostRunner.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Shopify_order_goes_from_webhook_through_the_queue_into_the_customer_table()
    {
        var email = $"e2e-{Guid.NewGuid():N}@example.com";
        var body = Payloads.ShopifyOrder(900001, 700001 + Random.Shared.Next(1_000_000), email, 129.95m);

        var response = await host.Client.SendAsync(Payloads.Shopify(body, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var customer = await WaitForCustomerAsync(email, c => c.OrderCount == 1);
        Assert.Equal(email, customer.Email);
        Assert.Equal(129.95m, customer.GrossSpend);
        Assert.Equal(129.95m, customer.NetSpend);
        Assert.Equal(DateTimeOffset.Parse("2024-03-14T18:42:08-04:00"), customer.FirstPurchaseAt);
        var transaction = Assert.Single(customer.Transactions);
        Assert.Equal(("shopify", "order:900001", 129.95m, "USD"), (transaction.Source, transaction.ExternalId, transaction.Total, transaction.Currency));

        var byId = await host.Client.SendAsync(Payloads.Get($"/api/customers/{customer.Id}"));
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
    }

    [Fact]
    public async Task The_same_webhook_delivered_three_times_is_stored_once()
    {
        var email = $"thrice-{Guid.NewGuid():N}@example.com";
        var body = Payloads.ShopifyOrder(900002, 800001 + Random.Shared.Next(1_000_000), email, 40m);
        var eventId = Guid.NewGuid().ToString();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Shopify(body, eventId))).StatusCode);
        }

        await WaitForQueueToDrainAsync();
        var customer = await WaitForCustomerAsync(email, c => c.OrderCount >= 1);
        Assert.Equal(1, customer.OrderCount);
        Assert.Equal(40m, customer.GrossSpend);
        Assert.Single(customer.Transactions);
    }

    [Fact]
    public async Task Two_hundred_concurrent_orders_for_one_customer_count_two_hundred()
    {
        var email = $"busy-{Guid.NewGuid():N}@example.com";
        var customerId = 900_000_000L + Random.Shared.Next(1_000_000);
        var statuses = await Task.WhenAll(Enumerable.Range(1, 200).Select(async i =>
        {
            var body = Payloads.ShopifyOrder(5_000_000 + i, customerId, email, 10m);
            using var response = await host.Client.SendAsync(Payloads.Shopify(body, Guid.NewGuid().ToString()));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        var customer = await WaitForCustomerAsync(email, c => c.OrderCount >= 200);
        Assert.Equal(200, customer.OrderCount);
        Assert.Equal(2000m, customer.GrossSpend);
        Assert.Equal(200, customer.Transactions.Count);
    }

    [Fact]
    public async Task A_square_refund_lowers_the_net_spend_of_the_payments_buyer()
    {
        var email = $"square-{Guid.NewGuid():N}@example.com";
        var paymentId = "pay" + Guid.NewGuid().ToString("N");
        var payment = Payloads.SquareEvent("payment.updated", new
        {
            id = paymentId,
            status = "COMPLETED",
            created_at = "2024-05-10T17:03:18Z",
            total_money = new { amount = 2750, currency = "USD" },
            customer_id = "C" + Guid.NewGuid().ToString("N"),
            buyer_email_address = email,
        });
        var refund = Payloads.SquareEvent("refund.updated", new
        {
            id = paymentId + "_r1",
            status = "COMPLETED",
            payment_id = paymentId,
            created_at = "2024-05-12T09:41:02Z",
            amount_money = new { amount = 1200, currency = "USD" },
        });

        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Square(payment))).StatusCode);
        await WaitForCustomerAsync(email, c => c.OrderCount == 1);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Square(refund))).StatusCode);

        // The customer route reads the aggregate, then the transactions: a refund committed between the two reads
        // shows its row beside the aggregate before it. Wait for the aggregate to move, then check its figures.
        var customer = await WaitForCustomerAsync(email, c => c.Transactions.Count == 2 && c.NetSpend != c.GrossSpend);
        Assert.Equal((27.50m, 15.50m, 1), (customer.GrossSpend, customer.NetSpend, customer.OrderCount));
    }

    [Fact]
    public async Task A_pos_batch_too_large_for_a_queue_message_is_stored_through_a_claim_check()
    {
        var email = $"big-{Guid.NewGuid():N}@example.com";
        var items = Enumerable.Range(1, 400).Select(i => Payloads.PosTransaction($"BIG-{i}", email, 1.5m, note: new string('x', 150)));
        var body = "[" + string.Join(",", items) + "]";
        Assert.True(body.Length > 64 * 1024);

        var response = await host.Client.SendAsync(Payloads.Pos(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var customer = await WaitForCustomerAsync(email, c => c.OrderCount >= 400);
        Assert.Equal(600m, customer.GrossSpend);
    }

    [Fact]
    public async Task Customers_can_be_found_by_phone_and_reads_need_the_api_key()
    {
        var unauthorized = await host.Client.GetAsync("/api/customers?email=a@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);

        var missing = await host.Client.SendAsync(Payloads.Get("/api/customers/cdoesnotexist"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<CustomerView> WaitForCustomerAsync(string email, Func<CustomerView, bool> condition) =>
        (await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(email), c => c is not null && condition(c)))!;

    private Task WaitForQueueToDrainAsync() =>
        SelfHostRunner.EventuallyAsync(
            () => host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(CancellationToken.None),
            count => count == 0);
}
