namespace ChurnFunctions.Storage.Blobs;

/// <summary>A blob as a container listing shows it: its name and when it last changed.</summary>
public sealed record BlobItem(string Name, DateTimeOffset? LastModified);
