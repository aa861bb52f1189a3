namespace ChurnFunctions.Core.Ingest;

/// <summary>The end of an import: every row is accepted (stored), a duplicate of one stored before, or rejected with its reason.</summary>
public sealed record ImportSummary(long Rows, long Accepted, long Duplicates, long Rejected, IReadOnlyList<string> RejectionReasons, TimeSpan Elapsed);
