namespace ChurnFunctions.Storage.Tables;

/// <summary>One operation of an entity group transaction. Updates and deletes use <see cref="ETag"/> ("*" for any).</summary>
public sealed record TableBatchOperation(TableBatchOperationKind Kind, TableEntity Entity, string? ETag = null)
{
    public static TableBatchOperation Insert(TableEntity entity) => new(TableBatchOperationKind.Insert, entity);

    public static TableBatchOperation Upsert(TableEntity entity, TableUpdateMode mode) =>
        new(mode == TableUpdateMode.Replace ? TableBatchOperationKind.UpsertReplace : TableBatchOperationKind.UpsertMerge, entity);

    public static TableBatchOperation Update(TableEntity entity, string etag, TableUpdateMode mode) =>
        new(mode == TableUpdateMode.Replace ? TableBatchOperationKind.UpdateReplace : TableBatchOperationKind.UpdateMerge, entity, etag);

    public static TableBatchOperation Delete(string partitionKey, string rowKey, string etag = "*") =>
        new(TableBatchOperationKind.Delete, new TableEntity(partitionKey, rowKey), etag);
}
