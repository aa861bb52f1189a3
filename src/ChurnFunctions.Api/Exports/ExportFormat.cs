namespace ChurnFunctions.Api.Exports;

/// <summary>The file formats an export is written in.</summary>
public enum ExportFormat
{
    Csv,
    Parquet,
}
