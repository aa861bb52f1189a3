namespace ChurnFunctions.Storage.Tables;

/// <summary>The service's x-ms-continuation-NextPartitionKey / NextRowKey pair: opaque, sent back as given.</summary>
public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);
