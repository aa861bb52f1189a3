using System.Globalization;
using System.Text;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Sources.Cdnow;
using ChurnFunctions.Core.Sources.Csv;
using ChurnFunctions.Core.Sources.Pos;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class BulkFileImporterTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"bulk-import-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task Stores_the_same_customers_and_rows_as_the_envelope_path()
    {
        await File.WriteAllTextAsync(path, LinkedCsv());
        var (bulkRig, envelopeRig) = (new IngestRig(), new IngestRig());

        var bulk = await Bulk(bulkRig).ImportAsync(path, ImportFormat.Csv, null, 8, default);
        var envelopes = await Envelopes(envelopeRig).ImportAsync(path, ImportFormat.Csv, null, 1, default);

        Assert.Equal((envelopes.Rows, envelopes.Accepted, envelopes.Rejected), (bulk.Rows, bulk.Accepted, bulk.Rejected));
        Assert.Equal((LinkedCsvRows, LinkedCsvRows - 1, 1L), (bulk.Rows, bulk.Accepted, bulk.Rejected));
        Assert.Equal(await Snapshot(envelopeRig), await Snapshot(bulkRig));
        Assert.Equal(envelopeRig.Index.Keys.OrderBy(k => k.Key), bulkRig.Index.Keys.OrderBy(k => k.Key));
    }

    [Fact]
    public async Task A_reimport_counts_every_row_a_duplicate_and_writes_nothing()
    {
        await File.WriteAllTextAsync(path, LinkedCsv());
        var rig = new IngestRig();
        var scan = new InMemoryStoredCustomersScan(rig.Store);
        await Bulk(rig, scan).ImportAsync(path, ImportFormat.Csv, null, 8, default);
        var before = await Snapshot(rig);
        var commits = rig.Store.Commits;

        var again = await Bulk(rig, scan).ImportAsync(path, ImportFormat.Csv, null, 8, default);

        Assert.Equal((0L, LinkedCsvRows - 1, 1L), (again.Accepted, again.Duplicates, again.Rejected));
        Assert.Equal(commits, rig.Store.Commits);
        Assert.Equal(before, await Snapshot(rig));
    }

    [Fact]
    public async Task A_reimport_without_a_scan_still_stores_nothing_twice()
    {
        await File.WriteAllTextAsync(path, LinkedCsv());
        var rig = new IngestRig();
        await Bulk(rig).ImportAsync(path, ImportFormat.Csv, null, 8, default);
        var before = await Snapshot(rig);

        var again = await Bulk(rig).ImportAsync(path, ImportFormat.Csv, null, 8, default);

        Assert.Equal((0L, LinkedCsvRows - 1), (again.Accepted, again.Duplicates));
        Assert.Equal(before, await Snapshot(rig));
    }

    private const long LinkedCsvRows = 40 + 120 + 2 + 1;

    // 40 one-row buyers, C-7 with 120 rows (more than one batch, across the envelope boundary), C-41 who shares C-1's
    // email (so the two are one customer), and a row with a bad amount.
    private static string LinkedCsv()
    {
        var text = new StringBuilder("customer_id,email,phone,order_id,occurred_at,amount,currency,category,sku,quantity,channel,location,kind\n");
        for (var i = 1; i <= 40; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C-{i},c{i}@example.com,,A-{i},2024-01-{1 + (i % 28):00},{i}.50,USD,Books,BK-1,1,online,,purchase\n");
        }

        for (var i = 1; i <= 120; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C-7,,,B-{i},2024-03-{1 + (i % 28):00},2.00,USD,Music,CD-1,1,online,,purchase\n");
        }

        text.Append("C-41,c1@example.com,,L-1,2024-05-01,9.00,USD,Books,BK-2,1,online,,purchase\n");
        text.Append("C-41,,,L-2,2024-05-02,4.00,USD,Books,BK-2,1,online,,purchase\n");
        text.Append("C-9,,,BAD-1,2024-05-03,not-a-number,USD,Books,BK-2,1,online,,purchase\n");
        return text.ToString();
    }

    private static async Task<string> Snapshot(IngestRig rig)
    {
        var lines = new List<string>();
        await foreach (var record in rig.Store.ListAsync(default))
        {
            lines.Add($"{record.Id} merged={record.MergedInto} orders={record.OrderCount} gross={record.GrossSpend} days={string.Join('|', record.PurchaseDays)} keys={string.Join('|', record.PlatformKeys.Order(StringComparer.Ordinal))} email={record.Email}");
            lines.AddRange((await rig.Store.GetTransactionsAsync(record.Id, default)).Select(t => $"  {record.Id} {t.Transaction.Source}/{t.Transaction.ExternalId} {t.Transaction.GrossTotal}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static SourceNormalizerRegistry Normalizers()
    {
        var api = Options.Create(new ApiOptions());
        return new SourceNormalizerRegistry([new CsvNormalizer(Webhooks(), api), new CdnowNormalizer(api), new PosJsonNormalizer(Webhooks(), api)]);
    }

    private static BulkFileImporter Bulk(IngestRig rig, InMemoryStoredCustomersScan? scan = null) =>
        new(Normalizers(), rig.Processor, new FileEnvelopeReader(TimeProvider.System), scan);

    private static FileImporter Envelopes(IngestRig rig) =>
        new(Normalizers(), rig.Processor, new FileEnvelopeReader(TimeProvider.System));
}
