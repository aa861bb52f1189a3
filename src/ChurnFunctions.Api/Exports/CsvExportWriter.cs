using System.Globalization;
using ChurnFunctions.Core.Exports;
using CsvHelper;

namespace ChurnFunctions.Api.Exports;

/// <summary>
/// CSV as Excel and Power BI read it without a wizard: UTF-8 with a BOM (Excel otherwise guesses the ANSI code page),
/// a header row of the documented column names, RFC 4180 quoting, ISO 8601 dates and UTC instants, invariant-culture
/// numbers, empty for null. Rows are written a batch at a time and copied out asynchronously, so a response body
/// (which refuses synchronous writes) or a file receives the export as it is read.
/// </summary>
public static class CsvExportWriter
{
    private const int RowsPerFlush = 1000;

    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };
        await using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            await csv.WriteRecordAsync([.. table.Columns.Select(c => c.Name)], cancellationToken);
            var rows = 0;
            var fields = new string[table.Columns.Count];
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = Format(row[i]);
                }

                await csv.WriteRecordAsync(fields, cancellationToken);
                if (++rows % RowsPerFlush == 0)
                {
                    await csv.FlushAsync(cancellationToken);
                    await DrainAsync(buffer, output, cancellationToken);
                }
            }

            await csv.FlushAsync(cancellationToken);
        }

        await DrainAsync(buffer, output, cancellationToken);
    }

    /// <summary>A value as its CSV field: the one text form per type that docs/exports.md promises.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static async Task DrainAsync(MemoryStream buffer, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        buffer.SetLength(0);
    }
}
