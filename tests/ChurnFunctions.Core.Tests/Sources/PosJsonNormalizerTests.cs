using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources.Pos;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class PosJsonNormalizerTests
{
    private readonly PosJsonNormalizer normalizer = new(Webhooks("49"), Api());

    [Fact]
    public void Accepts_a_configured_api_key_in_any_header_case()
    {
        Assert.Equal(SignatureCheck.Valid, normalizer.Verify(Headers(("X-Api-Key", ApiKey)), []));
        Assert.Equal(SignatureCheck.Valid, normalizer.Verify(Headers(("x-api-key", "other-key")), []));
    }

    [Fact]
    public void Rejects_an_unknown_api_key()
    {
        Assert.Equal(SignatureCheck.Invalid, normalizer.Verify(Headers(("x-api-key", ApiKey + "x")), []));
    }

    [Fact]
    public void Reports_a_missing_api_key_as_missing()
    {
        Assert.Equal(SignatureCheck.Missing, normalizer.Verify(Headers(), []));
    }

    [Fact]
    public void Fails_closed_when_no_keys_are_configured()
    {
        Assert.Equal(SignatureCheck.Invalid, new PosJsonNormalizer(Webhooks(), Api(" , ")).Verify(Headers(("x-api-key", ApiKey)), []));
    }

    [Fact]
    public void Normalizes_a_valid_batch_with_customer_consent_and_a_refund()
    {
        var result = normalizer.Normalize(Envelope("pos", Text("pos-batch-valid.json")));

        Assert.True(result.IsValid);
        Assert.Equal(["T-1001", "T-1002", "R-0007"], result.Transactions.Select(t => t.Transaction.ExternalId));
        var first = result.Transactions[0];
        Assert.Equal(("EUR", 42.50m, 2.50m, SalesChannel.Pos, "store-12"),
            (first.Transaction.Currency, first.Transaction.GrossTotal, first.Transaction.Discounts, first.Transaction.Channel, first.Transaction.Location));
        Assert.Equal(new LineItem("PIN-SET", "Accessories", 3m, 12.50m), first.Transaction.Lines[1]);
        var customer = first.Customer!;
        Assert.Equal(("pos:C-88", "lena.vogel@example.de", "+49305550199", new DateOnly(1990, 5, 1), "Europe/Berlin"),
            (customer.PlatformKey, customer.Email, customer.Phone, customer.Birthday, customer.TimeZone));
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], customer.Consents!.Select(c => c.Channel));
        Assert.Equal([true, false], customer.Consents!.Select(c => c.Granted));

        Assert.Null(result.Transactions[1].Customer);
        var refund = result.Transactions[2].Transaction;
        Assert.Equal((TransactionKind.Refund, "T-1001", 12.50m), (refund.Kind, refund.RefundOf, refund.GrossTotal));
    }

    [Fact]
    public void Accepts_a_single_transaction_object()
    {
        var body = """{"id":"T-9","occurredAt":"2024-04-06T10:15:00Z","currency":"usd","total":"3.20","channel":"online"}""";

        var t = Assert.Single(normalizer.Normalize(Envelope("pos", body)).Transactions).Transaction;

        Assert.Equal(("USD", 3.20m, SalesChannel.Online), (t.Currency, t.GrossTotal, t.Channel));
    }

    [Fact]
    public void Rejects_the_whole_batch_with_errors_keyed_by_json_path()
    {
        var result = normalizer.Normalize(Envelope("pos", Text("pos-batch-invalid.json")));

        Assert.Empty(result.Transactions);
        Assert.False(result.IsValid);
        Assert.Equal(
            ["[1].currency", "[1].occurredAt", "[2].customer.email", "[2].id", "[3].kind", "[3].lines[0].amount", "[3].lines[0].quantity", "[3].total"],
            result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("offset", result.Errors["[1].occurredAt"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_returns_the_same_errors_without_an_envelope()
    {
        var errors = normalizer.Validate(Bytes("pos-batch-invalid.json"));

        Assert.Equal(8, errors.Count);
        Assert.Empty(normalizer.Validate(Bytes("pos-batch-valid.json")));
    }

    [Fact]
    public void Single_object_errors_have_no_index_prefix()
    {
        var result = normalizer.Normalize(Envelope("pos", """{"id":"T-1","currency":"USD","total":1}"""));

        Assert.Equal(["occurredAt"], result.Errors!.Keys);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"id\":")]
    public void Rejects_bodies_that_are_not_transactions(string body)
    {
        Assert.Contains("body", normalizer.Normalize(Envelope("pos", body)).Errors!.Keys);
    }

    [Fact]
    public void Rejects_duplicate_ids_in_one_batch()
    {
        var item = """{"id":"T-1","occurredAt":"2024-04-06T10:15:00Z","currency":"USD","total":1}""";

        var result = normalizer.Normalize(Envelope("pos", $"[{item},{item}]"));

        Assert.Equal(["[1].id"], result.Errors!.Keys);
    }

    [Fact]
    public void Rejects_a_customer_without_any_identifier()
    {
        var body = """{"id":"T-1","occurredAt":"2024-04-06T10:15:00Z","currency":"USD","total":1,"customer":{"firstName":"Al"}}""";

        Assert.Equal(["customer"], normalizer.Normalize(Envelope("pos", body)).Errors!.Keys);
    }
}
