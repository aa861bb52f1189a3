using ChurnFunctions.Core.Exports;
using Parquet;
using Parquet.Schema;

namespace ChurnFunctions.Api.Exports;

/// <summary>
/// Parquet, a row group per 10,000 rows so memory holds one group, not the export. Every column is optional (null is
/// a value here); instants are UTC timestamps, days are dates, money is decimal.
/// </summary>
public static class ParquetExportWriter
{
    private const int RowsPerGroup = 10_000;

    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        var fields = table.Columns.Select(Field).ToArray();
        await using var forward = new ForwardBufferStream(output);
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), forward, cancellationToken: cancellationToken))
        {
            var group = new List<object?[]>(RowsPerGroup);
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                group.Add(row);
                if (group.Count == RowsPerGroup)
                {
                    await WriteGroupAsync(writer, table.Columns, fields, group, cancellationToken);
                    group.Clear();
                    await forward.DrainAsync(cancellationToken);
                }
            }

            // An empty export is still a file with its schema and one empty row group, which readers open.
            await WriteGroupAsync(writer, table.Columns, fields, group, cancellationToken);
        }

        await forward.DrainAsync(cancellationToken);
    }

    private static DataField Field(ExportColumn column) => column.Type switch
    {
        ExportColumnType.Text => new DataField<string>(column.Name, nullable: true),
        ExportColumnType.Integer => new DataField<long?>(column.Name),
        ExportColumnType.Decimal => new DataField<decimal?>(column.Name),
        ExportColumnType.Number => new DataField<double?>(column.Name),
        ExportColumnType.Date => new DataField<DateOnly?>(column.Name),
        ExportColumnType.Timestamp => new DataField<DateTime?>(column.Name),
        ExportColumnType.Boolean => new DataField<bool?>(column.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
    };

    private static async Task WriteGroupAsync(
        ParquetWriter writer, IReadOnlyList<ExportColumn> columns, DataField[] fields, List<object?[]> rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < columns.Count; c++)
        {
            var field = fields[c];
            switch (columns[c].Type)
            {
                case ExportColumnType.Text:
                    await group.WriteAsync(field, rows.Select(r => (string?)r[c]).ToArray()!);
                    break;
                case ExportColumnType.Integer:
                    await group.WriteAsync<long>(field, Values<long>(rows, c), cancellationToken: cancellationToken);
                    break;
                case ExportColumnType.Decimal:
                    await group.WriteAsync<decimal>(field, Values<decimal>(rows, c), cancellationToken: cancellationToken);
                    break;
                case ExportColumnType.Number:
                    await group.WriteAsync<double>(field, Values<double>(rows, c), cancellationToken: cancellationToken);
                    break;
                case ExportColumnType.Date:
                    await group.WriteAsync<DateOnly>(field, Values<DateOnly>(rows, c), cancellationToken: cancellationToken);
                    break;
                case ExportColumnType.Timestamp:
                    await group.WriteAsync<DateTime>(field, rows.Select(r => ((DateTimeOffset?)r[c])?.UtcDateTime).ToArray(), cancellationToken: cancellationToken);
                    break;
                case ExportColumnType.Boolean:
                    await group.WriteAsync<bool>(field, Values<bool>(rows, c), cancellationToken: cancellationToken);
                    break;
            }
        }
    }

    private static T?[] Values<T>(List<object?[]> rows, int column) where T : struct =>
        [.. rows.Select(r => (T?)r[column])];
}
