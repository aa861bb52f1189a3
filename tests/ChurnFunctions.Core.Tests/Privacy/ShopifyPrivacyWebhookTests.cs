using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Sources.Shopify;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Core.Tests.Privacy;

public sealed class ShopifyPrivacyWebhookTests
{
    private const string Secret = "shpss_unit_secret";
    private readonly InMemoryCustomerStore store = new();
    private readonly InMemoryIdentityIndex index = new();
    private readonly Mock<ICustomerDataStore> data = new();

    public ShopifyPrivacyWebhookTests() =>
        data.Setup(d => d.EraseAsync(It.IsAny<DataSubject>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int>());

    [Fact]
    public async Task Shop_redact_erases_every_customer_with_a_shopify_id()
    {
        await store.SaveAsync(new CustomerRecord { Id = "c1", PlatformKeys = ["shopify:1"] }, null, default);
        await store.SaveAsync(new CustomerRecord { Id = "c2", PlatformKeys = ["woocommerce:2"] }, null, default);

        var result = await Webhook().HandleAsync(Signed("shop/redact", """{"shop_id":1,"shop_domain":"x.myshopify.com"}"""), Body("""{"shop_id":1,"shop_domain":"x.myshopify.com"}"""), default);

        Assert.Equal(200, result.Status);
        data.Verify(d => d.EraseAsync(It.Is<DataSubject>(s => s.CustomerId == "c1"), It.IsAny<CancellationToken>()));
        data.Verify(d => d.EraseAsync(It.Is<DataSubject>(s => s.CustomerId == "c2"), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Customers_redact_finds_the_customer_by_an_order_it_names()
    {
        await store.SaveAsync(new CustomerRecord { Id = "c1", Email = "a@example.com" }, null, default);
        await index.AssignAsync(IdentityKeys.ForOrder("shopify", "order:77"), "c1", default);
        const string body = """{"shop_id":1,"customer":{"id":5,"email":"someone-else@example.com"},"orders_to_redact":[77]}""";

        var result = await Webhook().HandleAsync(Signed("customers/redact", body), Body(body), default);

        Assert.Equal(200, result.Status);
        data.Verify(d => d.EraseAsync(It.Is<DataSubject>(s => s.CustomerId == "c1"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_forged_signature_is_refused_and_erases_nothing()
    {
        await store.SaveAsync(new CustomerRecord { Id = "c1", PlatformKeys = ["shopify:1"] }, null, default);
        var headers = Signed("shop/redact", "{}");
        headers[ShopifyNormalizer.SignatureHeader] = Convert.ToBase64String(new byte[32]);

        var result = await Webhook().HandleAsync(headers, Body("{}"), default);

        Assert.Equal(401, result.Status);
        data.Verify(d => d.EraseAsync(It.IsAny<DataSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Without_a_salt_redact_answers_503_so_shopify_retries()
    {
        const string body = """{"customer":{"id":5}}""";

        var result = await Webhook(salt: null).HandleAsync(Signed("customers/redact", body), Body(body), default);

        Assert.Equal(503, result.Status);
    }

    private static ReadOnlyMemory<byte> Body(string json) => Encoding.UTF8.GetBytes(json);

    private static Dictionary<string, string> Signed(string topic, string body) => new(StringComparer.OrdinalIgnoreCase)
    {
        [ShopifyNormalizer.TopicHeader] = topic,
        [ShopifyNormalizer.SignatureHeader] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))),
    };

    private ShopifyPrivacyWebhook Webhook(string? salt = "unit-test-identity-salt")
    {
        var options = Options.Create(new PrivacyOptions { IdentitySalt = salt });
        var privacy = new PrivacyService(store, index, data.Object, Mock.Of<IErasureList>(), Mock.Of<IPrivacyAudit>(), new IdentityHasher(options), options,
            TimeProvider.System, NullLogger<PrivacyService>.Instance);
        var webhooks = Options.Create(new WebhookOptions { Shopify = new ShopifyWebhookOptions { Secret = Secret } });
        return new ShopifyPrivacyWebhook(webhooks, privacy);
    }
}
