using System.Text;
using ChurnFunctions.Api.Exports;
using ChurnFunctions.Core.Exports;

namespace ChurnFunctions.IntegrationTests.Exports;

/// <summary>The CSV and Parquet writers on a table whose values need quoting, nulls, and the edge formats.</summary>
public sealed class ExportWriterTests
{
    private static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("text", ExportColumnType.Text, ""),
        new("integer", ExportColumnType.Integer, ""),
        new("money", ExportColumnType.Decimal, ""),
        new("rate", ExportColumnType.Number, ""),
        new("day", ExportColumnType.Date, ""),
        new("at", ExportColumnType.Timestamp, ""),
        new("flag", ExportColumnType.Boolean, ""),
    ];

    private static readonly object?[][] Rows =
    [
        ["Store \"North\", aisle 2\r\nback", 7L, 1234.5m, 0.125, new DateOnly(2024, 2, 29), new DateTimeOffset(2024, 3, 14, 18, 42, 8, TimeSpan.FromHours(-4)), true],
        [null, null, null, null, null, null, null],
        ["plain", -1L, -0.01m, 1e-9, new DateOnly(1997, 1, 1), new DateTimeOffset(1997, 1, 1, 0, 0, 0, TimeSpan.Zero), false],
    ];

    private static ExportTable Table(int copies = 1) =>
        new("test", Columns, Enumerable.Repeat(Rows, copies).SelectMany(r => r).ToAsyncEnumerable());

    [Fact]
    public async Task Csv_starts_with_a_bom_and_the_header_and_round_trips_quoted_text_and_invariant_values()
    {
        using var output = new MemoryStream();

        await CsvExportWriter.WriteAsync(Table(), output, default);

        var bytes = output.ToArray();
        Assert.Equal(ExportFiles.Utf8Bom, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("text,integer,money,rate,day,at,flag\r\n", text, StringComparison.Ordinal);
        // RFC 4180: the field with a quote, comma and line break is quoted, its quotes doubled.
        Assert.Contains("\"Store \"\"North\"\", aisle 2\r\nback\",7,1234.5,0.125,2024-02-29,2024-03-14T22:42:08Z,true\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n,,,,,,\r\n", text, StringComparison.Ordinal);
        Assert.Contains("plain,-1,-0.01,1E-09,1997-01-01,1997-01-01T00:00:00Z,false\r\n", text, StringComparison.Ordinal);

        var (header, rows) = ExportFiles.ReadCsv(bytes);
        Assert.Equal(Columns.Select(c => c.Name), header);
        Assert.Equal(3, rows.Count);
        Assert.Equal("Store \"North\", aisle 2\r\nback", rows[0]["text"]);
    }

    [Fact]
    public async Task Csv_written_in_many_flushes_holds_every_row_once()
    {
        using var output = new MemoryStream();

        await CsvExportWriter.WriteAsync(Table(copies: 1500), output, default);

        var (_, rows) = ExportFiles.ReadCsv(output.ToArray());
        Assert.Equal(4500, rows.Count);
        Assert.Equal(1500, rows.Count(r => r["text"] == "plain"));
    }

    [Fact]
    public async Task Parquet_round_trips_typed_values_and_nulls_across_row_groups_to_a_stream_that_cannot_seek()
    {
        using var file = new MemoryStream();
        await using var forwardOnly = new ForwardOnlyStream(file);

        await ParquetExportWriter.WriteAsync(Table(copies: 4000), forwardOnly, default);

        var (header, rows) = await ExportFiles.ReadParquetAsync(file.ToArray());
        Assert.Equal(Columns.Select(c => c.Name), header);
        Assert.Equal(12_000, rows.Count);
        var first = rows[0];
        Assert.Equal("Store \"North\", aisle 2\r\nback", first["text"]);
        Assert.Equal(7L, first["integer"]);
        Assert.Equal(1234.5m, first["money"]);
        Assert.Equal(0.125, first["rate"]);
        // Parquet's DATE comes back as a DateTime at midnight.
        Assert.Equal(new DateTime(2024, 2, 29), (DateTime)first["day"]!);
        Assert.Equal(new DateTime(2024, 3, 14, 22, 42, 8, DateTimeKind.Utc), ((DateTime)first["at"]!).ToUniversalTime());
        Assert.Equal(true, first["flag"]);
        Assert.All(rows[1].Values, Assert.Null);
        Assert.Equal(4000, rows.Count(r => r["text"] as string == "plain"));
    }

    [Fact]
    public async Task Empty_exports_are_a_header_or_an_empty_parquet_file()
    {
        var empty = new ExportTable("empty", Columns, AsyncEnumerable.Empty<object?[]>());
        using var csv = new MemoryStream();
        using var parquet = new MemoryStream();

        await CsvExportWriter.WriteAsync(empty, csv, default);
        await ParquetExportWriter.WriteAsync(empty, parquet, default);

        Assert.Equal("text,integer,money,rate,day,at,flag\r\n", Encoding.UTF8.GetString(csv.ToArray()[3..]));
        var (header, rows) = await ExportFiles.ReadParquetAsync(parquet.ToArray());
        Assert.Equal(Columns.Select(c => c.Name), header);
        Assert.Empty(rows);
    }

    /// <summary>A response body: write-only, no position, no seeking.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
