using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Sources.Cdnow;
using ChurnFunctions.Core.Tests.Support;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class CdnowNormalizerTests
{
    private readonly CdnowNormalizer normalizer = new(Api());

    [Fact]
    public void Normalizes_the_whole_cdnow_master_file()
    {
        var body = File.ReadAllText(MasterFile());

        var result = normalizer.Normalize(Envelope("cdnow", body));

        Assert.True(result.IsValid);
        Assert.Equal(69_659, result.Transactions.Count);
        Assert.Equal(23_570, result.Transactions.Select(t => t.Customer!.PlatformKey).Distinct().Count());
        Assert.Equal(2_500_315.63m, result.Transactions.Sum(t => t.Transaction.GrossTotal));
        Assert.Equal(167_881m, result.Transactions.Sum(t => t.Transaction.Lines[0].Quantity));

        var first = result.Transactions[0];
        Assert.Equal(("line:2", "cdnow:1", "USD", SalesChannel.Online), (first.Transaction.ExternalId, first.Customer!.PlatformKey, first.Transaction.Currency, first.Transaction.Channel));
        Assert.Equal(new DateTimeOffset(1997, 1, 1, 0, 0, 0, TimeSpan.Zero), first.Transaction.OccurredAt);
        Assert.Equal(new LineItem(null, null, 1m, 11.77m), Assert.Single(first.Transaction.Lines));
        Assert.Equal("line:69660", result.Transactions[^1].Transaction.ExternalId);
    }

    [Fact]
    public void Normalizes_the_whole_file_in_well_under_a_second()
    {
        var envelope = Envelope("cdnow", File.ReadAllText(MasterFile()));
        normalizer.Normalize(Envelope("cdnow", envelope.Body![..2000])); // JIT the path before timing

        // Best of three in this thread's CPU time: on a shared machine the wall clock also measures the neighbours
        // (and the other test classes running alongside), which the CPU time does not. A Debug build runs the parser
        // unoptimised, hence the looser bound there; either catches a slide into O(n²).
        var best = Enumerable.Range(0, 3).Min(_ => ThreadCpuTime.Of(() => normalizer.Normalize(envelope)));

        Assert.True(best < MaxTime, $"Normalizing the whole file took {best.TotalMilliseconds:F0} ms of CPU time, over {MaxTime.TotalMilliseconds:F0} ms");
    }

#if DEBUG
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(3);
#else
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(1);
#endif

    [Fact]
    public void Numbers_rows_from_the_first_line_header_of_a_chunk()
    {
        var body = " 00007  19970301   2   30.50\r\n 00008  19970302   1    9.99\r\n";

        var result = normalizer.Normalize(Envelope("cdnow", body, (ImportHeaders.FirstLine, "1001")));

        Assert.Equal(["line:1001", "line:1002"], result.Transactions.Select(t => t.Transaction.ExternalId));
        Assert.Equal("cdnow:7", result.Transactions[0].Customer!.PlatformKey);
    }

    [Fact]
    public void Reports_malformed_rows_and_keeps_the_good_ones()
    {
        var body = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970231 1 5.00\r\n 00002 19970101 1\r\n 00003 19970101 x 5.00\r\n\r\n 00004 19970101 1 5.00\r\n";

        var result = normalizer.Normalize(Envelope("cdnow", body));

        Assert.Equal("line:6", Assert.Single(result.Transactions).Transaction.ExternalId);
        Assert.Equal(["line 2.date", "line 3", "line 4.number_of_cds"], result.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>shared/data sits beside the repository (…/work/shared next to …/work/main): walk up to find it.</summary>
    private static string MasterFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "cdnow", "CDNOW_master.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/cdnow/CDNOW_master.txt not found above " + AppContext.BaseDirectory);
    }
}
