using Azure;
using Azure.Data.Tables;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// Our batch operations as the SDK's transaction actions (one entity group transaction: up to 100 operations on one
/// partition), checked here so a bad batch fails before any request.
/// </summary>
internal static class TableBatchWriter
{
    public const int MaxOperations = 100;

    public static IReadOnlyList<TableTransactionAction> Build(IReadOnlyList<TableBatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > MaxOperations)
        {
            throw new ArgumentOutOfRangeException(nameof(operations), operations.Count, $"A batch holds 1 to {MaxOperations} operations.");
        }

        var partition = operations[0].Entity.PartitionKey;
        if (operations.Any(o => !string.Equals(o.Entity.PartitionKey, partition, StringComparison.Ordinal)))
        {
            throw new ArgumentException("All operations of a batch must share one PartitionKey.", nameof(operations));
        }

        return [.. operations.Select(Action)];
    }

    private static TableTransactionAction Action(TableBatchOperation operation)
    {
        var entity = SdkEntities.ToSdk(operation.Entity);
        var etag = new ETag(operation.ETag ?? "*");
        return operation.Kind switch
        {
            TableBatchOperationKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, entity),
            TableBatchOperationKind.UpsertReplace => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity),
            TableBatchOperationKind.UpsertMerge => new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity),
            TableBatchOperationKind.UpdateReplace => new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag),
            TableBatchOperationKind.UpdateMerge => new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, etag),
            _ => new TableTransactionAction(TableTransactionActionType.Delete, entity, etag),
        };
    }
}
