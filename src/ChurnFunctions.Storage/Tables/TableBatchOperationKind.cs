namespace ChurnFunctions.Storage.Tables;

public enum TableBatchOperationKind
{
    Insert,
    UpsertReplace,
    UpsertMerge,
    UpdateReplace,
    UpdateMerge,
    Delete,
}
