using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources.Shopify;
using Microsoft.Extensions.Options;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class ShopifyNormalizerTests
{
    // openssl dgst -sha256 -hmac "shpss_test_secret_5f1c" -binary < Sources/Payloads/shopify-orders-create.json | base64
    private const string OrderFileSignature = "fIbPMfE+Rzo7ZZEtYs7zzNujnqsjdbYccgFcpESpse8=";

    // body='{"id":820982911946154508,"email":"jon@example.com"}'
    // printf '%s' "$body" | openssl dgst -sha256 -hmac "shpss_test_secret_5f1c" -binary | base64
    private const string InlineBody = """{"id":820982911946154508,"email":"jon@example.com"}""";
    private const string InlineSignature = "roZdVZkTmbGKTe8h43kvG3arihwr+UTgGxb8Bc43uWI=";

    private readonly ShopifyNormalizer normalizer = new(Webhooks());

    [Fact]
    public void Accepts_shopify_webhook_signed_with_the_app_secret()
    {
        Assert.Equal(SignatureCheck.Valid, normalizer.Verify(Headers(("X-Shopify-Hmac-Sha256", OrderFileSignature)), Bytes("shopify-orders-create.json")));
        Assert.Equal(SignatureCheck.Valid, normalizer.Verify(Headers(("X-Shopify-Hmac-Sha256", InlineSignature)), Utf8(InlineBody)));
    }

    [Fact]
    public void Finds_the_signature_header_whatever_its_case()
    {
        var headers = Headers(("x-shopify-hmac-sha256", InlineSignature));

        Assert.Equal(SignatureCheck.Valid, normalizer.Verify(headers, Utf8(InlineBody)));
    }

    [Fact]
    public void Rejects_shopify_webhook_with_bad_signature()
    {
        Assert.Equal(SignatureCheck.Invalid, normalizer.Verify(Headers(("X-Shopify-Hmac-Sha256", InlineSignature)), Utf8(InlineBody + " ")));
        Assert.Equal(SignatureCheck.Invalid, normalizer.Verify(Headers(("X-Shopify-Hmac-Sha256", "not base64!")), Utf8(InlineBody)));
        Assert.Equal(SignatureCheck.Invalid, normalizer.Verify(Headers(("X-Shopify-Hmac-Sha256", "c2hvcnQ=")), Utf8(InlineBody)));
    }

    [Fact]
    public void Reports_a_missing_signature_header_as_missing()
    {
        Assert.Equal(SignatureCheck.Missing, normalizer.Verify(Headers(("X-Shopify-Topic", "orders/create")), Utf8(InlineBody)));
    }

    [Fact]
    public void Fails_closed_when_no_secret_is_configured()
    {
        var unconfigured = new ShopifyNormalizer(Options.Create(new WebhookOptions()));

        Assert.Equal(SignatureCheck.Invalid, unconfigured.Verify(Headers(("X-Shopify-Hmac-Sha256", InlineSignature)), Utf8(InlineBody)));
    }

    [Fact]
    public void Normalizes_an_online_order_with_lines_discounts_and_buyer()
    {
        var result = normalizer.Normalize(Envelope("shopify", Text("shopify-orders-create.json"),
            ("x-shopify-topic", "orders/create"), ("X-Shopify-Event-Id", "evt-98f1"), ("X-Shopify-Webhook-Id", "wh-1")));

        var item = Assert.Single(result.Transactions);
        var t = item.Transaction;
        Assert.Equal("evt-98f1", item.EventId);
        Assert.Equal(("shopify", "order:5829104771098", TransactionKind.Purchase), (t.Source, t.ExternalId, t.Kind));
        Assert.Equal(DateTimeOffset.Parse("2024-03-14T18:42:07-04:00", System.Globalization.CultureInfo.InvariantCulture), t.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-4), t.OccurredAt.Offset);
        Assert.Equal(("USD", 187.40m, 19.00m, SalesChannel.Online, (string?)null), (t.Currency, t.GrossTotal, t.Discounts, t.Channel, t.Location));
        Assert.Equal(
            [new LineItem("TR2-SLT-09", "Footwear", 1m, 117.00m), new LineItem("MCS-GRY-M", null, 2m, 54.00m)],
            t.Lines);

        var customer = item.Customer!;
        Assert.Equal(("shopify:7301928374651", "mara.lindqvist@example.com", "+15035550148", "Mara", "Lindqvist"),
            (customer.PlatformKey, customer.Email, customer.Phone, customer.FirstName, customer.LastName));
        Assert.Equal(
            [
                new ConsentRecord(MessageChannel.Email, true, "shopify", DateTimeOffset.Parse("2023-11-02T09:16:01-04:00", System.Globalization.CultureInfo.InvariantCulture)),
                new ConsentRecord(MessageChannel.Sms, false, "shopify", t.OccurredAt),
            ],
            customer.Consents);
    }

    [Fact]
    public void Orders_create_and_orders_paid_of_one_order_share_the_external_id()
    {
        var body = Text("shopify-orders-create.json");

        var created = normalizer.Normalize(Envelope("shopify", body, ("X-Shopify-Topic", "orders/create"), ("X-Shopify-Event-Id", "e1")));
        var paid = normalizer.Normalize(Envelope("shopify", body, ("X-Shopify-Topic", "orders/paid"), ("X-Shopify-Webhook-Id", "w2")));

        Assert.Equal(created.Transactions[0].Transaction.ExternalId, paid.Transactions[0].Transaction.ExternalId);
        Assert.Equal("w2", paid.Transactions[0].EventId);
    }

    [Fact]
    public void Pos_order_takes_the_location_and_legacy_email_consent_and_a_national_phone_by_country()
    {
        var result = normalizer.Normalize(Envelope("shopify", Text("shopify-orders-create-pos.json"), ("X-Shopify-Topic", "orders/paid")));

        var item = Assert.Single(result.Transactions);
        Assert.Equal((SalesChannel.Pos, "71234567890", "EUR"), (item.Transaction.Channel, item.Transaction.Location, item.Transaction.Currency));
        Assert.Equal(new LineItem("CAP-OLV", null, 1m, 45.90m), Assert.Single(item.Transaction.Lines));
        Assert.Null(item.Customer!.Email);
        Assert.Equal("+491705551234", item.Customer.Phone);
        var consent = Assert.Single(item.Customer.Consents!);
        Assert.Equal((MessageChannel.Email, false), (consent.Channel, consent.Granted));
    }

    [Fact]
    public void Ignores_a_cancelled_order_with_a_reason()
    {
        var result = normalizer.Normalize(Envelope("shopify", Text("shopify-orders-cancelled.json"), ("X-Shopify-Topic", "orders/create")));

        Assert.Empty(result.Transactions);
        Assert.True(result.IsValid);
        Assert.Contains("cancelled", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_a_voided_order()
    {
        var body = """{"id":1,"created_at":"2024-01-01T00:00:00Z","currency":"USD","total_price":"5.00","financial_status":"voided"}""";

        var result = normalizer.Normalize(Envelope("shopify", body, ("X-Shopify-Topic", "orders/paid")));

        Assert.Contains("voided", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_a_test_order()
    {
        var body = Text("shopify-orders-create.json").Replace("\"test\": false", "\"test\": true", StringComparison.Ordinal);

        var result = normalizer.Normalize(Envelope("shopify", body, ("X-Shopify-Topic", "orders/create")));

        Assert.Empty(result.Transactions);
        Assert.Contains("test order", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_topics_that_carry_no_transaction()
    {
        var result = normalizer.Normalize(Envelope("shopify", "{}", ("X-Shopify-Topic", "customers/update")));

        Assert.Empty(result.Transactions);
        Assert.Contains("customers/update", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizes_a_refund_from_its_successful_refund_transactions()
    {
        var result = normalizer.Normalize(Envelope("shopify", Text("shopify-refunds-create.json"),
            ("X-Shopify-Topic", "refunds/create"), ("X-Shopify-Event-Id", "evt-r1")));

        var item = Assert.Single(result.Transactions);
        var t = item.Transaction;
        Assert.Equal(("refund:1015470981146", TransactionKind.Refund, "order:5829104771098"), (t.ExternalId, t.Kind, t.RefundOf));
        Assert.Equal(("USD", 28.80m, -28.80m), (t.Currency, t.GrossTotal, t.NetAmount));
        Assert.Equal(new LineItem("MCS-GRY-M", null, 1m, 27.0m), Assert.Single(t.Lines));
        Assert.Null(item.Customer);
    }

    [Fact]
    public void Refund_without_transactions_falls_back_to_the_refunded_line_subtotals()
    {
        var body = """
            {"id":77,"order_id":55,"created_at":"2024-03-20T09:00:00-04:00","transactions":[],
             "refund_line_items":[{"quantity":1,"subtotal":"12.50","subtotal_set":{"shop_money":{"amount":"12.50","currency_code":"CAD"}},"line_item":{"sku":"A"}},
                                  {"quantity":2,"subtotal":7.5,"line_item":{"sku":"B"}}]}
            """;

        var t = normalizer.Normalize(Envelope("shopify", body, ("X-Shopify-Topic", "refunds/create"))).Transactions[0].Transaction;

        Assert.Equal(("CAD", 20.00m, "order:55"), (t.Currency, t.GrossTotal, t.RefundOf));
    }

    [Fact]
    public void Reports_an_order_without_total_as_a_field_error()
    {
        var body = """{"id":1,"created_at":"2024-01-01T00:00:00Z","currency":"USD"}""";

        var result = normalizer.Normalize(Envelope("shopify", body, ("X-Shopify-Topic", "orders/create")));

        Assert.False(result.IsValid);
        Assert.Contains("total_price", result.Errors!.Keys);
    }

    [Fact]
    public void Reports_malformed_json_as_a_body_error()
    {
        var result = normalizer.Normalize(Envelope("shopify", "{\"id\":", ("X-Shopify-Topic", "orders/create")));

        Assert.Contains("body", result.Errors!.Keys);
    }

    [Fact]
    public void A_line_category_is_the_product_type_else_a_category_property_never_the_vendor()
    {
        // The file's second line has an empty product_type and a vendor: a brand is not a category.
        var body = Text("shopify-orders-create.json");
        var withProperty = body.Replace("\"product_type\": \"\",", "\"product_type\": \"\", \"properties\": [{ \"name\": \"Category\", \"value\": \"Socks\" }],", StringComparison.Ordinal);

        var plain = normalizer.Normalize(Envelope("shopify", body, ("X-Shopify-Topic", "orders/create"))).Transactions[0].Transaction.Lines;
        var propertied = normalizer.Normalize(Envelope("shopify", withProperty, ("X-Shopify-Topic", "orders/create"))).Transactions[0].Transaction.Lines;

        Assert.Equal(["Footwear", null], plain.Select(l => l.Category));
        Assert.Equal(["Footwear", "Socks"], propertied.Select(l => l.Category));
    }
}
