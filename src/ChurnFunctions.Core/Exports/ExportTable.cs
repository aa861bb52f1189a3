namespace ChurnFunctions.Core.Exports;

/// <summary>
/// One export: its columns and its rows, read from storage page by page as the writer asks for them. A row holds one
/// value per column, typed as the column says (string, long, decimal, double, DateOnly, DateTimeOffset, bool) or null.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<object?[]> Rows);
