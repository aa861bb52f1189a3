namespace ChurnFunctions.Api.Exports;

public static class ExportFormats
{
    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "" or "csv":
                format = ExportFormat.Csv;
                return true;
            case "parquet":
                format = ExportFormat.Parquet;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "parquet";

    public static Task WriteAsync(ExportFormat format, Core.Exports.ExportTable table, Stream output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv
            ? CsvExportWriter.WriteAsync(table, output, cancellationToken)
            : ParquetExportWriter.WriteAsync(table, output, cancellationToken);
}
