using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Sources.Csv;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class CsvNormalizerTests
{
    private readonly CsvNormalizer normalizer = new(Webhooks("1"), Api());

    [Fact]
    public void Returns_good_rows_and_reports_bad_rows_by_file_line()
    {
        var result = normalizer.Normalize(Envelope("csv", Text("transactions.csv")));

        Assert.Equal(3, result.Transactions.Count);
        Assert.Equal(
            ["line 4.amount", "line 5.occurred_at", "line 6", "line 7.email", "line 8.amount"],
            result.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reads_columns_defaults_and_quoted_fields()
    {
        var rows = normalizer.Normalize(Envelope("csv", Text("transactions.csv"))).Transactions;

        var first = rows[0].Transaction;
        Assert.Equal(("order:A-100", "BRL", 120.00m, SalesChannel.Online), (first.ExternalId, first.Currency, first.GrossTotal, first.Channel));
        Assert.Equal(TimeSpan.FromHours(-3), first.OccurredAt.Offset);
        Assert.Equal(new CustomerIdentity("csv:C-1", "ana.silva@example.com", null), rows[0].Customer);

        var second = rows[1].Transaction;
        Assert.Matches("^line:3:[0-9a-f]{8}$", second.ExternalId);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 0, 0, 0, TimeSpan.Zero), second.OccurredAt);
        Assert.Equal(("USD", new LineItem("BK-7", "Books", 2m, 19.99m)), (second.Currency, second.Lines[0]));

        var third = rows[2].Transaction;
        Assert.Equal(("USD", SalesChannel.Pos, "store-9", "Gifts, seasonal"), (third.Currency, third.Channel, third.Location, third.Lines[0].Category));
    }

    [Fact]
    public void Row_ids_are_stable_across_imports_and_follow_the_first_line_header()
    {
        var body = "email,occurred_at,amount\nx@example.com,2024-01-01,1.00\ny@example.com,2024-01-02,2.00\n";

        var once = normalizer.Normalize(Envelope("csv", body, (ImportHeaders.FirstLine, "501"))).Transactions;
        var again = normalizer.Normalize(Envelope("csv", body, (ImportHeaders.FirstLine, "501"))).Transactions;

        Assert.Equal(once.Select(t => t.Transaction.ExternalId), again.Select(t => t.Transaction.ExternalId));
        Assert.StartsWith("line:501:", once[0].Transaction.ExternalId, StringComparison.Ordinal);
        Assert.StartsWith("line:502:", once[1].Transaction.ExternalId, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_the_default_currency_header_for_rows_without_currency()
    {
        var body = "customer_id,occurred_at,amount\r\n7,2024-01-01,1.00\r\n";

        var t = normalizer.Normalize(Envelope("csv", body, (ImportHeaders.DefaultCurrency, "eur"))).Transactions[0].Transaction;

        Assert.Equal("EUR", t.Currency);
    }

    [Fact]
    public void Rejects_a_header_without_required_columns()
    {
        var result = normalizer.Normalize(Envelope("csv", "name,amount\nA,1\n"));

        Assert.Empty(result.Transactions);
        Assert.Contains("occurred_at", result.Errors!["header"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_lines_inside_quoted_fields_when_numbering_rows()
    {
        var body = "email,occurred_at,amount,category\na@example.com,2024-01-01,1,\"two\nlines\"\nb@example.com,2024-01-01,x,\n";

        var result = normalizer.Normalize(Envelope("csv", body));

        Assert.Equal("two\nlines", Assert.Single(result.Transactions).Transaction.Lines[0].Category);
        Assert.Equal(["line 4.amount"], result.Errors!.Keys);
    }
}
