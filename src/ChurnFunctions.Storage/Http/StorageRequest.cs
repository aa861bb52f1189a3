namespace ChurnFunctions.Storage.Http;

/// <summary>A storage request as data, so that each retry attempt builds (and signs) a fresh HttpRequestMessage.</summary>
internal sealed record StorageRequest(StorageService Service, HttpMethod Method, Uri Uri)
{
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Extra headers, e.g. If-Match or x-ms-blob-type.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// What logs and errors may show of the target: the path without the query (it may hold a SAS or a filter on keys)
    /// and without a table entity's address, whose keys are identities such as <c>email:a@b.c</c>.
    /// </summary>
    public string Resource { get; init; } = ResourceOf(Uri);

    /// <summary>What logs and errors name the request by, e.g. "GetEntity"; the HTTP method unless the client says more.</summary>
    public string Operation { get; init; } = Method.Method;

    public StorageRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    internal static string ResourceOf(Uri uri)
    {
        var path = uri.AbsolutePath;
        var keys = path.IndexOf('(', StringComparison.Ordinal);
        return keys < 0 ? path : path[..keys];
    }
}
