namespace ChurnFunctions.Core.Sources;

/// <summary>
/// Case-insensitive header lookup. HTTP header names are case-insensitive, but the dictionary a caller hands over may
/// use an ordinal comparer (a queue message deserialised into a plain Dictionary), so an exact hit is tried first and
/// a scan follows.
/// </summary>
internal static class HeaderLookup
{
    public static string? Find(IReadOnlyDictionary<string, string>? headers, string name)
    {
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The media type of the Content-Type header without parameters (charset, boundary), lower case.</summary>
    public static string? MediaType(IReadOnlyDictionary<string, string>? headers) => MediaTypeOf(Find(headers, "Content-Type"));

    /// <summary>The media type of a Content-Type value without parameters (charset, boundary), lower case.</summary>
    public static string? MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}
