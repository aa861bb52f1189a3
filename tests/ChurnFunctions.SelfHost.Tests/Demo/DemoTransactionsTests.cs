using System.Text;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Sources.Cdnow;
using ChurnFunctions.SelfHost.Demo;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.SelfHost.Tests.Demo;

public sealed class DemoTransactionsTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"demo-rows-{Guid.NewGuid():N}.txt");

    public DemoTransactionsTests()
    {
        // 10 buyers, 3 rows each, written out of date order; one bad row.
        var text = new StringBuilder(" customer_id  date number_of_cds  dollar_value\n");
        for (var id = 1; id <= 10; id++)
        {
            foreach (var day in new[] { "19970310", "19970105", "19970201" })
            {
                text.Append($" {id:00000} {day}  1   {id}.50\n");
            }
        }

        text.Append(" 00011 1997-01-01  1   1.00\n");
        File.WriteAllText(file, text.ToString());
    }

    public void Dispose() => File.Delete(file);

    [Fact]
    public void Keeps_every_kth_buyer_with_all_their_rows_grouped_by_day_in_order()
    {
        var data = Read(sample: 5);

        Assert.Equal(10, data.Buyers);
        Assert.Equal(5, data.BuyersKept);
        Assert.Equal(31, data.RowsRead);
        Assert.Equal(1, data.RowsRefused);
        Assert.Equal(15, data.Rows);
        Assert.Equal([new DateOnly(1997, 1, 5), new DateOnly(1997, 2, 1), new DateOnly(1997, 3, 10)], data.Days.Select(d => d.Day));
        Assert.Equal(
            ["cdnow:1", "cdnow:3", "cdnow:5", "cdnow:7", "cdnow:9"],
            data.Days[0].Rows.Select(r => r.Customer!.PlatformKey!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_keeps_every_buyer()
    {
        var data = Read(sample: null);

        Assert.Equal(10, data.BuyersKept);
        Assert.Equal(30, data.Rows);
    }

    [Fact]
    public void Cdnow_buyers_get_a_demo_address_and_email_consent_given_with_the_purchase()
    {
        var row = Read(sample: null).Days[1].Rows[0];

        Assert.Equal($"{row.Customer!.PlatformKey!.Replace(':', '-')}@{DemoTransactions.DemoEmailDomain}", row.Customer.Email);
        var consent = Assert.Single(row.Customer.Consents!);
        Assert.Equal(MessageChannel.Email, consent.Channel);
        Assert.True(consent.Granted);
        Assert.Equal(row.Transaction.OccurredAt, consent.At);
    }

    private DemoTransactions Read(int? sample) => DemoTransactions.Read(
        new FileEnvelopeReader(TimeProvider.System),
        new SourceNormalizerRegistry([new CdnowNormalizer(Options.Create(new ApiOptions()))]),
        file,
        ImportFormat.Cdnow,
        sample);
}
