using System.Globalization;
using System.Net;
using System.Text.Json;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage.Privacy;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Privacy;

/// <summary>Shopify's mandatory privacy webhooks on the order webhook URL, and the retention sweep, through `churn serve` on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShopifyPrivacyWebhookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await SelfHostRunner.StartAsync(
        azurite.ConnectionString,
        settings: new Dictionary<string, string?>
        {
            ["Privacy:IdentitySalt"] = "integration-identity-salt-0123456789",
            ["Privacy:RetentionMonths"] = "24",
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Data_request_stores_an_export_and_redact_erases_the_customer_and_the_export()
    {
        var (shopifyId, email) = Buyer(1);
        await DeliverAsync(shopifyId, email, 11, "2024-03-14T18:42:08Z");
        var customerId = (await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(email), c => c is not null))!.Id;

        var request = await host.Client.SendAsync(Payloads.Shopify(Privacy(shopifyId, email, orders: "orders_requested"), "dr-" + run, "customers/data_request"));
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var audit = host.Services.GetRequiredService<IPrivacyAudit>();
        var recorded = Assert.Single(await audit.ListAsync(default), a => a.Action == "data-request" && a.CustomerId == customerId);
        Assert.Equal("shopify", recorded.Actor);
        var blob = recorded.ExportBlob!.Split('/', 2);
        var document = await host.Storage.GetBlobClient(blob[0]).GetAsync(blob[1], default);
        Assert.Contains(email, System.Text.Encoding.UTF8.GetString(document!), StringComparison.Ordinal);

        var forged = await host.Client.SendAsync(Payloads.Shopify(Privacy(shopifyId, email), "rd-" + run, "customers/redact", secret: "not-the-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.NotNull(await host.FindCustomerAsync(email));

        var redact = await host.Client.SendAsync(Payloads.Shopify(Privacy(shopifyId, email), "rd-" + run, "customers/redact"));
        Assert.Equal(HttpStatusCode.OK, redact.StatusCode);
        Assert.Null(await host.FindCustomerAsync(email));
        Assert.Empty(await StorageScan.FindAsync(host.Storage, [customerId], new HashSet<string> { TablePrivacyAudit.TableName }));
        Assert.Empty(await StorageScan.FindAsync(host.Storage, [email, "shopify:" + shopifyId]));
        Assert.Contains(await audit.ListAsync(default), a => a.Action == "erase" && a.Actor == "shopify" && a.CustomerId == customerId);
    }

    [Fact]
    public async Task Redact_of_someone_never_seen_keeps_a_later_order_from_creating_them()
    {
        var (shopifyId, email) = Buyer(2);

        var redact = await host.Client.SendAsync(Payloads.Shopify(Privacy(shopifyId, email), "rd2-" + run, "customers/redact"));
        await DeliverAsync(shopifyId, email, 21, "2024-04-01T10:00:00Z");

        Assert.Equal(HttpStatusCode.OK, redact.StatusCode);
        var holder = await SelfHostRunner.EventuallyAsync(
            () => host.Services.GetRequiredService<IIdentityIndex>().FindAsync($"order:shopify:order:{OrderId(shopifyId, 21)}", default), h => h is not null);
        Assert.Equal("anonymous", holder);
        Assert.Null(await host.FindCustomerAsync(email));
    }

    [Fact]
    public async Task A_privacy_webhook_without_a_customer_is_a_field_error()
    {
        var response = await host.Client.SendAsync(Payloads.Shopify("""{"shop_id":1,"shop_domain":"x.myshopify.com"}""", "rd3-" + run, "customers/redact"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("customer", out _));
    }

    [Fact]
    public async Task Retention_deletes_transactions_older_than_the_setting_and_keeps_the_rest()
    {
        var (shopifyId, email) = Buyer(3);
        var recent = DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await DeliverAsync(shopifyId, email, 31, "2019-06-01T10:00:00Z");
        await DeliverAsync(shopifyId, email, 32, recent);
        await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(email), c => c is { Transactions.Count: 2 });

        var counts = await host.Services.GetRequiredService<PrivacyService>().ApplyRetentionAsync(default);

        Assert.True(counts["transactions"] >= 1);
        var left = Assert.Single((await host.FindCustomerAsync(email))!.Transactions);
        Assert.Equal($"order:{OrderId(shopifyId, 32)}", left.ExternalId);
    }

    private (long ShopifyId, string Email) Buyer(int i) =>
        (8_000_000_000 + (long.Parse(run[..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture) * 10) + i, $"shopify-privacy-{run}-{i}@example.com");

    private static long OrderId(long shopifyId, int order) => (shopifyId * 100) + order;

    private async Task DeliverAsync(long shopifyId, string email, int order, string createdAt)
    {
        var body = Payloads.ShopifyOrder(OrderId(shopifyId, order), shopifyId, email, 42.5m, createdAt);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Shopify(body, $"ev-{run}-{shopifyId}-{order}"))).StatusCode);
    }

    private static string Privacy(long shopifyId, string email, string orders = "orders_to_redact") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["shop_id"] = 954889,
        ["shop_domain"] = "churn-test.myshopify.com",
        ["customer"] = new { id = shopifyId, email, phone = (string?)null },
        [orders] = new[] { OrderId(shopifyId, 11) },
    });
}
