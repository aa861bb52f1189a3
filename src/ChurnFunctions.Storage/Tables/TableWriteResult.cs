namespace ChurnFunctions.Storage.Tables;

/// <summary>The outcome of a single-entity write and, on success, the entity's new ETag.</summary>
public sealed record TableWriteResult(TableWriteStatus Status, string? ETag)
{
    public bool Succeeded => Status == TableWriteStatus.Success;
}
