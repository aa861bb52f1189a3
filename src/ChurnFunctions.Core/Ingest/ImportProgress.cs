namespace ChurnFunctions.Core.Ingest;

/// <summary>How far an import is: rows read so far and what became of them.</summary>
public sealed record ImportProgress(long RowsRead, long Stored, long Duplicates, long Rejected);
