using System.Text.Json.Nodes;

namespace ChurnFunctions.Core.Privacy;

/// <summary>Every row held about one customer, by table (each row its keys and columns), and the blobs that name them.</summary>
public sealed record CustomerDataExport(
    string CustomerId,
    DateTimeOffset ExportedAt,
    IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> Tables,
    IReadOnlyList<ExportedBlob> Blobs);

public sealed record ExportedBlob(string Container, string Name, string Content);
