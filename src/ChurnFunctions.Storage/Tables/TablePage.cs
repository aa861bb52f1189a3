namespace ChurnFunctions.Storage.Tables;

/// <summary>One page of a query and the continuation for the next page (null when this was the last).</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, TableContinuation? Continuation);
