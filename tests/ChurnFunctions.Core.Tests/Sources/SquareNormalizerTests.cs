using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources.Square;
using Microsoft.Extensions.Options;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class SquareNormalizerTests
{
    // { printf '%s' "https://churn.example.com/api/webhooks/square"; cat Sources/Payloads/square-payment-updated.json; } \
    //   | openssl dgst -sha256 -hmac "sq-sig-key-7Hc2" -binary | base64
    private const string PaymentFileSignature = "leGFmJ4UsI30NMkX0Rqo66zUFvZfWhSNro153YCIavw=";

    // printf '%s%s' "https://churn.example.com/api/webhooks/square" '{"type":"payment.updated"}' \
    //   | openssl dgst -sha256 -hmac "sq-sig-key-7Hc2" -binary | base64
    private const string InlineSignature = "esJ+6ix72U7m5bwIQ4UsoAAkQZV3aKhnWabEjxOw42w=";

    private readonly SquareNormalizer normalizer = new(Webhooks());

    [Fact]
    public void Accepts_square_webhook_signed_over_url_and_body()
    {
        Assert.Equal(SignatureCheck.Valid,
            normalizer.Verify(Headers(("x-square-hmacsha256-signature", PaymentFileSignature)), Bytes("square-payment-updated.json")));
        Assert.Equal(SignatureCheck.Valid,
            normalizer.Verify(Headers(("X-Square-HmacSha256-Signature", InlineSignature)), Utf8("""{"type":"payment.updated"}""")));
    }

    [Fact]
    public void Rejects_square_webhook_signed_for_another_url()
    {
        var options = Webhooks();
        options.Value.Square.NotificationUrl = SquareUrl + "/";

        Assert.Equal(SignatureCheck.Invalid,
            new SquareNormalizer(options).Verify(Headers(("x-square-hmacsha256-signature", InlineSignature)), Utf8("""{"type":"payment.updated"}""")));
    }

    [Fact]
    public void Reports_a_missing_signature_header_as_missing()
    {
        Assert.Equal(SignatureCheck.Missing, normalizer.Verify(Headers(), Utf8("{}")));
    }

    [Theory]
    [InlineData(null, SquareUrl)]
    [InlineData(SquareKey, null)]
    public void Fails_closed_without_signature_key_or_notification_url(string? key, string? url)
    {
        var options = Options.Create(new WebhookOptions { Square = { SignatureKey = key, NotificationUrl = url } });

        Assert.Equal(SignatureCheck.Invalid,
            new SquareNormalizer(options).Verify(Headers(("x-square-hmacsha256-signature", InlineSignature)), Utf8("""{"type":"payment.updated"}""")));
    }

    [Fact]
    public void Normalizes_a_completed_payment_with_its_total_money_and_buyer()
    {
        var item = Assert.Single(normalizer.Normalize(Envelope("square", Text("square-payment-updated.json"))).Transactions);

        var t = item.Transaction;
        Assert.Equal("6a1f0c52-9b3e-3d8a-a0c4-5b7f2e1d9c44", item.EventId);
        Assert.Equal(("square", "payment:bP9mQ2xT7rYk4LwZ1nV8sA3cE6f", "USD", 27.50m), (t.Source, t.ExternalId, t.Currency, t.GrossTotal));
        Assert.Equal((SalesChannel.Pos, "LQ7V3Z2KJ8M4A"), (t.Channel, t.Location));
        Assert.Equal(DateTimeOffset.Parse("2024-05-10T17:03:18.402Z", System.Globalization.CultureInfo.InvariantCulture), t.OccurredAt);
        Assert.Empty(t.Lines);
        Assert.Equal(new CustomerIdentity("square:VDKXEEKPJN48QDG3BGGFAK05P8", "dana.okafor@example.com", null), item.Customer);
    }

    [Fact]
    public void Stores_a_cash_sale_without_buyer_as_anonymous_in_zero_decimal_yen()
    {
        var item = Assert.Single(normalizer.Normalize(Envelope("square", Text("square-payment-anonymous-cash.json"))).Transactions);

        Assert.Null(item.Customer);
        Assert.Equal(("JPY", 1800m), (item.Transaction.Currency, item.Transaction.GrossTotal));
        Assert.Equal(new DateOnly(2024, 5, 11), item.Transaction.LocalDay);
    }

    [Fact]
    public void Ignores_a_payment_that_is_not_completed()
    {
        var result = normalizer.Normalize(Envelope("square", Text("square-payment-approved.json")));

        Assert.Empty(result.Transactions);
        Assert.Contains("APPROVED", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizes_a_completed_refund_as_a_refund_of_its_payment_without_a_buyer()
    {
        var item = Assert.Single(normalizer.Normalize(Envelope("square", Text("square-refund-updated.json"))).Transactions);

        var t = item.Transaction;
        Assert.Null(item.Customer);
        Assert.Equal("0b6e2f7d-5c41-3a9e-8d12-7e4c9a0b3f68", item.EventId);
        Assert.Equal(
            (TransactionKind.Refund, "refund:bP9mQ2xT7rYk4LwZ1nV8sA3cE6f_Rk3dWq8YzT0pLm5NvB2xC7", 12.00m, "USD", "payment:bP9mQ2xT7rYk4LwZ1nV8sA3cE6f"),
            (t.Kind, t.ExternalId, t.GrossTotal, t.Currency, t.RefundOf));
        Assert.Equal(DateTimeOffset.Parse("2024-05-12T09:41:02.118Z", System.Globalization.CultureInfo.InvariantCulture), t.OccurredAt);
    }

    [Theory]
    [InlineData("PENDING")]
    [InlineData("REJECTED")]
    [InlineData("FAILED")]
    public void Ignores_a_refund_that_is_not_completed(string status)
    {
        var body = Text("square-refund-updated.json").Replace("\"COMPLETED\"", $"\"{status}\"", StringComparison.Ordinal);

        var result = normalizer.Normalize(Envelope("square", body));

        Assert.Empty(result.Transactions);
        Assert.Contains(status, result.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Online_products_are_the_online_channel()
    {
        var body = Text("square-payment-approved.json").Replace("\"APPROVED\"", "\"COMPLETED\"", StringComparison.Ordinal);

        Assert.Equal(SalesChannel.Online, normalizer.Normalize(Envelope("square", body)).Transactions[0].Transaction.Channel);
    }

    [Fact]
    public void Ignores_other_event_types()
    {
        Assert.NotNull(normalizer.Normalize(Envelope("square", """{"type":"dispute.created","data":{}}""")).IgnoredReason);
    }
}
