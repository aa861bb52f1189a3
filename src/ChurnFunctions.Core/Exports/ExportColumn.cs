namespace ChurnFunctions.Core.Exports;

/// <summary>A column of an export: its header (snake_case), type, and what it holds (docs/exports.md lists them).</summary>
public sealed record ExportColumn(string Name, ExportColumnType Type, string Description);
