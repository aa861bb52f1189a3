using System.Text;
using ChurnFunctions.Analytics.IO;

namespace ChurnFunctions.Analytics.Tests.IO;

public sealed class TransactionReaderTests
{
    private static MemoryStream Text(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Cdnow_reader_skips_the_header_and_handles_leading_spaces_and_crlf()
    {
        var history = CdnowReader.Read(Text(" customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1  11.77\r\n 00002 19970112  1  12.00\r\n 00002 19970112  2  5.50\r\n"));

        Assert.Equal([1L, 2L], history.CustomerIds);
        Assert.Equal(new DateOnly(1997, 1, 12).DayNumber, history.DaysOf(1)[0]);
        Assert.Equal(17.5, history.AmountsOf(1)[0]);
    }

    [Fact]
    public void Cdnow_reader_reports_the_line_of_a_bad_date()
    {
        var error = Assert.Throws<TransactionFileException>(() => CdnowReader.Read(Text(" 00001 19970101 1 1.00\n 00001 1997011 1 1.00\n")));

        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void Csv_reader_finds_columns_by_name_and_accepts_dates_and_date_times()
    {
        var history = CsvTransactionReader.Read(Text("amount,date,customer_id,channel\n10.5,2024-03-01,7,web\n\"2\",2024-03-01T23:59:00+02:00,7,shop\n3,2024-03-05 08:00:00,8,web\n"));

        Assert.True(history.HasAmounts);
        Assert.Equal([7L, 8L], history.CustomerIds);
        Assert.Equal(12.5, history.AmountsOf(0)[0]);
        Assert.Equal(new DateOnly(2024, 3, 5).DayNumber, history.DaysOf(1)[0]);
    }

    [Fact]
    public void Csv_reader_without_amount_column_marks_the_history_as_spendless_and_numbers_text_ids()
    {
        var history = CsvTransactionReader.Read(Text("customer_id,date\r\nalice,2024-01-01\r\nbob,2024-01-02\r\nalice,2024-01-09\r\n"));

        Assert.False(history.HasAmounts);
        Assert.Equal([1L, 2L], history.CustomerIds);
        Assert.Equal(2, history.DaysOf(0).Length);
    }

    [Fact]
    public void Csv_reader_keeps_commas_and_doubled_quotes_inside_quoted_fields()
    {
        var history = CsvTransactionReader.Read(Text(
            "customer_id,note,date,amount\n\"7\",\"Gift, wrapped \"\"red\"\"\",2024-01-02,10.5\n8, \"a, b\" ,2024-01-03,\"1.5\"\n"));

        Assert.Equal([7L, 8L], history.CustomerIds);
        Assert.Equal(10.5, history.AmountsOf(0)[0]);
        Assert.Equal(new DateOnly(2024, 1, 3).DayNumber, history.DaysOf(1)[0]);
        Assert.Equal(1.5, history.AmountsOf(1)[0]);
    }

    [Fact]
    public void Csv_reader_rejects_a_header_without_customer_id()
    {
        Assert.Throws<TransactionFileException>(() => CsvTransactionReader.Read(Text("id,date\n1,2024-01-01\n")));
    }
}
