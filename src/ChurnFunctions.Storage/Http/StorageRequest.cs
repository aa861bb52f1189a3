namespace ChurnFunctions.Storage.Http;

/// <summary>A storage request as data, so that each retry attempt builds (and signs) a fresh HttpRequestMessage.</summary>
internal sealed record StorageRequest(StorageService Service, HttpMethod Method, Uri Uri)
{
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Extra headers, e.g. If-Match or x-ms-blob-type.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>What logs and errors may show: the path, never the query (it may hold a SAS).</summary>
    public string Path => Uri.AbsolutePath;

    public StorageRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };
}
