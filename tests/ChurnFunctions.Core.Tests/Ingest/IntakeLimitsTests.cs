using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class IntakeLimitsTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_128_character_cjk_id_is_refused_because_its_escaped_key_outgrows_the_limit()
    {
        var result = IntakeLimits.Apply(NormalizationResult.Of(Item(new string('中', 128))));

        Assert.Empty(result.Transactions);
        Assert.Contains("id", result.Errors!.Keys);
    }

    [Fact]
    public void An_ascii_id_of_128_characters_stores()
    {
        var result = IntakeLimits.Apply(NormalizationResult.Of(Item(new string('a', 128))));

        Assert.True(result.IsValid);
        Assert.Single(result.Transactions);
    }

    [Fact]
    public void Amounts_beyond_ten_to_the_twelfth_are_refused_per_field()
    {
        var transaction = Item("T-1", total: 1_000_000_000_000.01m, lineAmount: -2_000_000_000_000m);

        var result = IntakeLimits.Apply(NormalizationResult.Of(transaction));

        Assert.Equal(["lines[0].amount", "total"], result.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_a_batch_only_the_offending_transaction_is_dropped_and_its_errors_carry_its_index()
    {
        var result = IntakeLimits.Apply(NormalizationResult.Of(Item("T-1"), Item("T-2", email: new string('e', 600) + "@x.com")));

        Assert.Equal("T-1", Assert.Single(result.Transactions).Transaction.ExternalId);
        Assert.Equal(["[1].customer.email"], result.Errors!.Keys);
    }

    [Fact]
    public void The_same_transaction_twice_in_one_delivery_is_refused()
    {
        var result = IntakeLimits.Apply(NormalizationResult.Of(Item("T-1"), Item("T-1")));

        Assert.Contains("[1].id", result.Errors!.Keys);
    }

    [Fact]
    public void Free_text_past_its_limit_is_refused()
    {
        var transaction = Item("T-1", sku: new string('s', IntakeLimits.MaxTextLength + 1));

        Assert.Equal(["lines[0].sku"], IntakeLimits.Apply(NormalizationResult.Of(transaction)).Errors!.Keys);
    }

    private static NormalizedTransaction Item(string id, decimal total = 10m, decimal lineAmount = 10m, string? email = "a@example.com", string sku = "S") =>
        new(new Transaction("pos", id, TransactionKind.Purchase, At, "EUR", total, 0m, [new LineItem(sku, "C", 1m, lineAmount)], SalesChannel.Pos),
            new CustomerIdentity(null, email, null));
}
