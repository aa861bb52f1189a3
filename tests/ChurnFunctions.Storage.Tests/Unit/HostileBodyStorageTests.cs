using System.Globalization;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Sources.Csv;
using ChurnFunctions.Core.Sources.Pos;
using ChurnFunctions.Core.Sources.Shopify;
using ChurnFunctions.Core.Sources.Square;
using ChurnFunctions.Core.Sources.WooCommerce;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;
using ChurnFunctions.Testing.Hostile;
using CsCheck;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Storage.Tests.Unit;

/// <summary>
/// The hostile corpus in-process, thousands of bodies: each source's normaliser (as the registry hands it out, with the
/// intake limits) either refuses a body with field errors or yields transactions whose rows, identity keys and
/// customer aggregate fit Table storage as the adapter writes them. Checked against the adapter's own entity mapping and
/// the service's limits, not against the intake's arithmetic.
/// </summary>
public sealed class HostileBodyStorageTests
{
    private const int MaxKeyLength = 1024;
    private const int MaxEntityBytes = 1024 * 1024;
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-06-01T00:00:00Z", CultureInfo.InvariantCulture);

    private readonly SourceNormalizerRegistry registry;

    public HostileBodyStorageTests()
    {
        var webhooks = Options.Create(new WebhookOptions { DefaultCountryCode = "1" });
        var api = Options.Create(new ApiOptions { Keys = ["k"] });
        registry = new SourceNormalizerRegistry(
        [
            new ShopifyNormalizer(webhooks), new WooCommerceNormalizer(webhooks), new SquareNormalizer(webhooks),
            new PosJsonNormalizer(webhooks, api), new CsvNormalizer(webhooks, api),
        ]);
    }

    public static TheoryData<HostileBody> NamedBodies() => [.. HostileBodies.Named()];

    [Theory]
    [MemberData(nameof(NamedBodies))]
    public void Reported_hostile_body_is_refused_with_field_errors_or_stores(HostileBody body)
    {
        AssertRefusedOrStores(body);
    }

    [Theory]
    [InlineData("shopify", "lone-surrogate-email", "email")]
    [InlineData("pos", "lone-surrogate-email", "customer.email")]
    [InlineData("woocommerce", "lone-surrogate-email", "email")]
    [InlineData("square", "lone-surrogate-email", "buyer_email_address")]
    [InlineData("shopify", "line-price-decimal-max-times-two", "price")]
    [InlineData("pos", "line-price-decimal-max-times-two", "lines[0].amount")]
    [InlineData("woocommerce", "total-decimal-max", "total")]
    [InlineData("square", "total-decimal-max", "total")]
    [InlineData("shopify", "cjk-id-of-128-characters", "id")]
    [InlineData("pos", "cjk-id-of-128-characters", "id")]
    [InlineData("square", "cjk-id-of-128-characters", "id")]
    [InlineData("shopify", "email-longer-than-a-key", "customer.email")]
    [InlineData("pos", "cjk-email-past-a-key", "customer.email")]
    [InlineData("shopify", "name-over-32k", "customer.firstName")]
    [InlineData("pos", "category-over-32k", "location")]
    [InlineData("shopify", "refund-refunds-summing-past-decimal", "amount")]
    [InlineData("shopify", "refund-refunds-summing-past-the-bound", "total")]
    [InlineData("woocommerce", "refunds-summing-past-decimal", "total")]
    [InlineData("woocommerce", "two-refunds-with-one-id", "[2].id")]
    [InlineData("pos", "batch-of-two-decimal-max-orders", "[0].total")]
    [InlineData("pos", "lines-past-an-entity", "lines")]
    [InlineData("shopify", "lines-past-an-entity", "lines")]
    [InlineData("pos", "too-many-lines", "lines")]
    [InlineData("shopify", "nesting-past-the-parser-depth", "body")]
    public void Reported_hostile_body_is_refused_naming_the_field(string source, string name, string field)
    {
        var body = HostileBodies.Named().Single(b => b.Source == source && b.Name == name);

        var result = Normalize(body);

        Assert.False(result.IsValid, $"{body} was accepted");
        Assert.True(result.Errors!.ContainsKey(field), $"{body} was refused naming {string.Join(", ", result.Errors.Keys)}");
    }

    [Fact]
    public void Generated_webhook_bodies_are_refused_or_store()
    {
        HostileBodies.Generated.Sample(AssertRefusedOrStores, iter: 3000, threads: 1);
    }

    [Fact]
    public void Generated_refunds_are_refused_or_store()
    {
        HostileBodies.GeneratedRefunds.Sample(AssertRefusedOrStores, iter: 500, threads: 1);
    }

    [Fact]
    public void Generated_csv_rows_are_refused_or_store()
    {
        HostileBodies.GeneratedCsv.Sample(AssertRefusedOrStores, iter: 500, threads: 1);
    }

    [Fact]
    public void Intake_escaped_key_length_is_the_key_encoders()
    {
        Gen.String[Gen.Char, 0, 40].Sample(s => Assert.Equal(KeyEncoder.Encode(s).Length, IntakeLimits.EscapedKeyLength(s)), iter: 2000, threads: 1);
        Assert.Equal(KeyEncoder.Encode("中\ud800😀a~|").Length, IntakeLimits.EscapedKeyLength("中\ud800😀a~|"));
    }

    private NormalizationResult Normalize(HostileBody body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (body.Topic is { } topic)
        {
            headers[body.Source == "shopify" ? ShopifyNormalizer.TopicHeader : WooCommerceNormalizer.TopicHeader] = topic;
        }

        if (body.Source == "csv")
        {
            headers[ImportHeaders.FirstLine] = "2";
        }

        return registry.Get(body.Source).Normalize(new IngestEnvelope(body.Source, Now, headers, body.Body));
    }

    private void AssertRefusedOrStores(HostileBody body)
    {
        var result = Normalize(body);
        if (!result.IsValid)
        {
            Assert.All(result.Errors!, e => Assert.NotEmpty(e.Value));
        }

        // One commit is one entity group transaction: two rows with one key fail it on every retry.
        Assert.Equal(result.Transactions.Count, result.Transactions.Select(t => t.Transaction.ExternalId).Distinct(StringComparer.Ordinal).Count());

        // What the queue side would store: every kept transaction, twice over for one customer, so its totals see the
        // largest amounts accepted added together.
        var record = new CustomerRecord { Id = "c0123456789abcdef" };
        foreach (var item in result.Transactions.Concat(result.Transactions))
        {
            AssertFits(TransactionEntity.From(record.Id, item.Transaction, item.EventId, Now), body);
            AssertKey(IdentityKeys.ForOrder(item.Transaction.Source, item.Transaction.ExternalId), body);
            if (item.Transaction.RefundOf is { } order)
            {
                AssertKey(IdentityKeys.ForOrder(item.Transaction.Source, order), body);
            }

            if (item.Customer is { } customer)
            {
                IdentityKeys.For(customer).ToList().ForEach(k => AssertKey(k, body));
                record = CustomerAggregator.Apply(record, customer);
            }

            record = CustomerAggregator.Apply(record, item.Transaction);
        }

        AssertFits(CustomerEntity.From(record), body);
    }

    private static void AssertKey(string key, HostileBody body) =>
        Assert.True(KeyEncoder.Encode(key).Length <= MaxKeyLength, $"{body}: a key of {KeyEncoder.Encode(key).Length} characters");

    // TableEntityJson refuses a string property over 32 K characters; the service measures an entity as its UTF-8 JSON.
    private static void AssertFits(TableEntity entity, HostileBody body)
    {
        Assert.True(entity.PartitionKey.Length <= MaxKeyLength && entity.RowKey.Length <= MaxKeyLength, $"{body}: key too long");
        var bytes = TableEntityJson.Serialize(entity).Length;
        Assert.True(bytes <= MaxEntityBytes, $"{body}: an entity of {bytes} bytes");
    }
}
