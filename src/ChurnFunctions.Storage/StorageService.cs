namespace ChurnFunctions.Storage;

/// <summary>The three storage services; they differ in endpoint and in how Shared Key signs a request.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
