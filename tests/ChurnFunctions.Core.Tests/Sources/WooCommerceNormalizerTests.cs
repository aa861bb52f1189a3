using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources.WooCommerce;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class WooCommerceNormalizerTests
{
    // openssl dgst -sha256 -hmac "wc-secret-Qm9y" -binary < Sources/Payloads/woocommerce-order-processing.json | base64
    private const string OrderFileSignature = "F1KRHbrnjzVONJ5xCFRd7skE/XS/WgeyAfbgKmW7p+Y=";

    private readonly WooCommerceNormalizer normalizer = new(Webhooks());

    [Fact]
    public void Accepts_woocommerce_webhook_signed_with_the_secret()
    {
        var headers = Headers(("X-WC-Webhook-Signature", OrderFileSignature), ("Content-Type", "application/json"));

        Assert.Equal(SignatureCheck.Valid, normalizer.Verify(headers, Bytes("woocommerce-order-processing.json")));
    }

    [Fact]
    public void Rejects_woocommerce_webhook_with_bad_signature()
    {
        var body = Bytes("woocommerce-order-processing.json");
        body[10] ^= 1;

        Assert.Equal(SignatureCheck.Invalid, normalizer.Verify(Headers(("x-wc-webhook-signature", OrderFileSignature)), body));
    }

    [Fact]
    public void Acknowledges_the_unsigned_creation_ping()
    {
        var headers = Headers(("content-type", "application/x-www-form-urlencoded; charset=UTF-8"));

        Assert.Equal(SignatureCheck.UnsignedPing, normalizer.Verify(headers, Utf8("webhook_id=17")));
    }

    [Theory]
    [InlineData("application/json", "webhook_id=17")]
    [InlineData("application/x-www-form-urlencoded", "webhook_id=17&x=1")]
    [InlineData("application/x-www-form-urlencoded", "webhook_id=")]
    [InlineData("application/x-www-form-urlencoded", "{\"id\":4812}")]
    public void Treats_any_other_unsigned_request_as_missing_a_signature(string contentType, string body)
    {
        Assert.Equal(SignatureCheck.Missing, normalizer.Verify(Headers(("Content-Type", contentType)), Utf8(body)));
    }

    [Fact]
    public void Fails_closed_when_no_secret_is_configured()
    {
        var unconfigured = new WooCommerceNormalizer(Options.Create(new WebhookOptions()));

        Assert.Equal(SignatureCheck.Invalid,
            unconfigured.Verify(Headers(("X-WC-Webhook-Signature", OrderFileSignature)), Bytes("woocommerce-order-processing.json")));
    }

    [Fact]
    public void Normalizes_a_paid_order_in_the_shops_local_time()
    {
        var result = normalizer.Normalize(Envelope("woocommerce", Text("woocommerce-order-processing.json"), ("X-WC-Webhook-Topic", "order.created")));

        var item = Assert.Single(result.Transactions);
        var t = item.Transaction;
        Assert.Equal("4812:2024-06-02T20:15:30", item.EventId);
        Assert.Equal(("woocommerce", "order:4812", "GBP", 53.40m, 4.50m), (t.Source, t.ExternalId, t.Currency, t.GrossTotal, t.Discounts));
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 21, 14, 9, TimeSpan.FromHours(1)), t.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), t.OccurredAt.Offset);
        Assert.Equal(SalesChannel.Online, t.Channel);
        Assert.Equal([new LineItem("CPO-WHT", null, 1m, 33.75m), new LineItem("FP-100", null, 2m, 5.25m)], t.Lines);
        Assert.Equal(
            new CustomerIdentity("woocommerce:219", "priya.raman@example.co.uk", "+447700900461", "Priya", "Raman"),
            item.Customer);
    }

    [Fact]
    public void Ignores_an_order_that_is_not_paid_with_its_status_as_reason()
    {
        var result = normalizer.Normalize(Envelope("woocommerce", Text("woocommerce-order-pending.json"), ("X-WC-Webhook-Topic", "order.updated")));

        Assert.Empty(result.Transactions);
        Assert.True(result.IsValid);
        Assert.Contains("pending", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("on-hold")]
    [InlineData("failed")]
    [InlineData("cancelled")]
    [InlineData("checkout-draft")]
    public void Ignores_unpaid_statuses(string status)
    {
        var body = Text("woocommerce-order-processing.json").Replace("\"processing\"", $"\"{status}\"", StringComparison.Ordinal);

        Assert.NotNull(normalizer.Normalize(Envelope("woocommerce", body, ("X-WC-Webhook-Topic", "order.updated"))).IgnoredReason);
    }

    [Fact]
    public void An_order_update_listing_a_partial_refund_holds_the_purchase_and_the_refund_of_it()
    {
        var body = Text("woocommerce-order-processing.json")
            .Replace("\"refunds\": []", "\"refunds\": [{ \"id\": 4899, \"reason\": \"Damaged mug\", \"total\": \"-5.25\" }]", StringComparison.Ordinal);

        var result = normalizer.Normalize(Envelope("woocommerce", body, ("X-WC-Webhook-Topic", "order.updated")));

        Assert.True(result.IsValid);
        Assert.Equal(["order:4812", "refund:4899"], result.Transactions.Select(i => i.Transaction.ExternalId));
        var refund = result.Transactions[1];
        Assert.Equal((TransactionKind.Refund, 5.25m, "GBP", "order:4812"), (refund.Transaction.Kind, refund.Transaction.GrossTotal, refund.Transaction.Currency, refund.Transaction.RefundOf));
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 21, 15, 30, TimeSpan.FromHours(1)), refund.Transaction.OccurredAt);
        Assert.Equal(result.Transactions[0].Customer, refund.Customer);
    }

    [Fact]
    public void A_refunded_order_is_its_purchase_and_its_full_refund()
    {
        var body = Text("woocommerce-order-processing.json")
            .Replace("\"processing\"", "\"refunded\"", StringComparison.Ordinal)
            .Replace("\"refunds\": []", "\"refunds\": [{ \"id\": 4901, \"reason\": \"\", \"total\": \"-53.40\" }]", StringComparison.Ordinal);

        var result = normalizer.Normalize(Envelope("woocommerce", body, ("X-WC-Webhook-Topic", "order.updated")));

        Assert.Equal([(TransactionKind.Purchase, 53.40m), (TransactionKind.Refund, 53.40m)], result.Transactions.Select(i => (i.Transaction.Kind, i.Transaction.GrossTotal)));
    }

    [Fact]
    public void A_refund_without_a_total_is_a_field_error()
    {
        var body = Text("woocommerce-order-processing.json")
            .Replace("\"refunds\": []", "\"refunds\": [{ \"id\": 4899 }]", StringComparison.Ordinal);

        var result = normalizer.Normalize(Envelope("woocommerce", body, ("X-WC-Webhook-Topic", "order.updated")));

        Assert.False(result.IsValid);
        Assert.Contains("refunds[0]", result.Errors!.Keys);
    }

    [Fact]
    public async Task Refunds_listed_again_by_later_updates_lower_net_spend_once()
    {
        var rig = new IngestRig();
        var paid = Text("woocommerce-order-processing.json");
        var refunded = paid
            .Replace("\"date_modified_gmt\": \"2024-06-02T20:15:30\"", "\"date_modified_gmt\": \"2024-06-03T08:00:00\"", StringComparison.Ordinal)
            .Replace("\"refunds\": []", "\"refunds\": [{ \"id\": 4899, \"reason\": \"\", \"total\": \"-5.25\" }]", StringComparison.Ordinal);

        foreach (var body in new[] { paid, refunded, refunded })
        {
            await rig.Processor.ProcessAsync(normalizer.Normalize(Envelope("woocommerce", body, ("X-WC-Webhook-Topic", "order.updated"))).Transactions, default);
        }

        var record = (await rig.Store.GetAsync(rig.Index.Keys["woocommerce:219"], default))!.Value;
        Assert.Equal((1, 1, 53.40m, 48.15m), (record.OrderCount, record.RefundCount, record.GrossSpend, record.NetSpend));
    }

    [Fact]
    public void Guest_checkout_has_no_platform_key_and_pos_orders_are_pos()
    {
        var body = Text("woocommerce-order-pending.json")
            .Replace("\"pending\"", "\"completed\"", StringComparison.Ordinal)
            .Replace("\"checkout\"", "\"pos\"", StringComparison.Ordinal);

        var item = Assert.Single(normalizer.Normalize(Envelope("woocommerce", body, ("X-WC-Webhook-Topic", "order.updated"))).Transactions);

        Assert.Equal(new CustomerIdentity(null, "guest@example.org", null), item.Customer);
        Assert.Equal(SalesChannel.Pos, item.Transaction.Channel);
    }

    [Fact]
    public void Ignores_a_ping_that_reached_the_queue_and_other_topics()
    {
        Assert.NotNull(normalizer.Normalize(Envelope("woocommerce", "webhook_id=17", ("X-WC-Webhook-Topic", "order.created"))).IgnoredReason);
        Assert.NotNull(normalizer.Normalize(Envelope("woocommerce", "{}", ("X-WC-Webhook-Topic", "product.updated"))).IgnoredReason);
    }

    [Fact]
    public void A_line_category_comes_from_the_line_meta_data_and_is_absent_without_it()
    {
        // WooCommerce's order payload carries no product categories; a store adds one per line as meta "category".
        var body = Text("woocommerce-order-processing.json").Replace(
            "\"sku\": \"CPO-WHT\",", "\"sku\": \"CPO-WHT\", \"meta_data\": [{ \"id\": 1, \"key\": \"category\", \"value\": \"Brewing\" }],", StringComparison.Ordinal);

        var lines = Assert.Single(normalizer.Normalize(Envelope("woocommerce", body, ("X-WC-Webhook-Topic", "order.created"))).Transactions).Transaction.Lines;

        Assert.Equal(["Brewing", null], lines.Select(l => l.Category));
    }
}
