namespace ChurnFunctions.Storage;

/// <summary>The three storage services, as logs and errors name a call's service.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
