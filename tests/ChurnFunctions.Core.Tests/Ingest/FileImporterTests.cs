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

public sealed class FileImporterTests : IDisposable
{
    private const string CsvHeader = "customer_id,email,phone,order_id,occurred_at,amount,currency,category,sku,quantity,channel,location,kind";

    private readonly IngestRig rig = new();
    private readonly string path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task Imports_a_csv_file_and_reports_rejected_rows_with_their_reasons()
    {
        await File.WriteAllTextAsync(path, Text("transactions.csv"));

        var summary = await Importer().ImportAsync(path, ImportFormat.Csv, null, 2, default);

        Assert.Equal(summary.Rows, summary.Accepted + summary.Rejected);
        Assert.True(summary.Accepted > 0 && summary.Rejected > 0, $"{summary.Accepted} accepted, {summary.Rejected} rejected");
        Assert.Contains(summary.RejectionReasons, r => r.Contains("amount", StringComparison.Ordinal));
        Assert.Equal(0, summary.Duplicates);
    }

    [Fact]
    public async Task Importing_the_same_file_again_stores_nothing_twice()
    {
        await File.WriteAllTextAsync(path, Csv(1_200));

        var first = await Importer().ImportAsync(path, ImportFormat.Csv, null, 4, default);
        var again = await Importer().ImportAsync(path, ImportFormat.Csv, null, 4, default);

        Assert.Equal((1_200L, 0L), (first.Accepted, first.Duplicates));
        Assert.Equal((0L, 1_200L), (again.Accepted, again.Duplicates));
        Assert.Equal(1_200, (await rig.Store.GetAsync(rig.Index.Keys["csv:C-7"], default))!.Value.OrderCount);
    }

    [Fact]
    public async Task A_quoted_field_with_line_breaks_is_one_row_even_across_an_envelope_boundary()
    {
        // Row 500 (the last of the first envelope) holds a category that runs over three lines.
        await File.WriteAllTextAsync(path, Csv(FileImporter.RowsPerEnvelope + 20, multiLineRow: FileImporter.RowsPerEnvelope));

        var summary = await Importer().ImportAsync(path, ImportFormat.Csv, null, 2, default);

        Assert.Equal((520L, 520L, 0L), (summary.Rows, summary.Accepted, summary.Rejected));
        var record = (await rig.Store.GetAsync(rig.Index.Keys["csv:C-7"], default))!.Value;
        Assert.Contains("Gifts, \"wrapped\"\nseasonal\nwinter", record.CategorySpend.Keys);
    }

    [Fact]
    public async Task Imports_cdnow_rows_past_its_title_line()
    {
        await File.WriteAllTextAsync(path, """
             customer_id  date  quantity  amount
            00001 19970101 1 11.77
            00002 19970112 1 12.00
            00002 19970112 5 77.00
            """);

        var summary = await Importer().ImportAsync(path, ImportFormat.Cdnow, null, 1, default);

        Assert.Equal((3L, 3L, 0L), (summary.Rows, summary.Accepted, summary.Rejected));
    }

    [Fact]
    public async Task Imports_a_pos_json_array()
    {
        await File.WriteAllTextAsync(path, """
            [
              { "id": "T-1", "occurredAt": "2024-04-06T10:15:00+02:00", "currency": "EUR", "total": 42.5, "customer": { "email": "a@example.com" } },
              { "id": "T-2", "occurredAt": "2024-04-07T10:15:00+02:00", "currency": "EUR", "total": 10, "customer": { "email": "a@example.com" } }
            ]
            """);

        var summary = await Importer().ImportAsync(path, ImportFormat.PosJson, null, 1, default);

        Assert.Equal((2L, 2L), (summary.Rows, summary.Accepted));
        Assert.Equal(52.5m, (await rig.Store.GetAsync(rig.Index.Keys["email:a@example.com"], default))!.Value.GrossSpend);
    }

    private static string Csv(int rows, int? multiLineRow = null)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            var category = i == multiLineRow ? "\"Gifts, \"\"wrapped\"\"\nseasonal\nwinter\"" : "Books";
            text.Append(CultureInfo.InvariantCulture, $"C-7,,,O-{i},2024-02-03,1.00,USD,{category},BK-7,1,online,,purchase\n");
        }

        return text.ToString();
    }

    private FileImporter Importer()
    {
        var webhooks = Webhooks();
        var api = Options.Create(new ApiOptions());
        var normalizers = new SourceNormalizerRegistry([new CsvNormalizer(webhooks, api), new CdnowNormalizer(api), new PosJsonNormalizer(webhooks, api)]);
        return new FileImporter(normalizers, rig.Processor, new FileEnvelopeReader(TimeProvider.System));
    }
}
