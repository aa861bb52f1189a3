using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Storage.Connection;

/// <summary>
/// Shared Key signatures (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
/// Blobs and Queues sign the verb, the standard headers, the canonicalized x-ms-* headers and the resource with every
/// query parameter; Tables sign the verb, Content-MD5, Content-Type, the date and the resource with only comp.
/// The resource is "/" + account + the escaped path, so path-style (Azurite) URLs carry the account twice.
/// </summary>
internal static class SharedKeySigner
{
    public static string SignTable(HttpRequestMessage request, string accountName, byte[] key) =>
        Sign(TableStringToSign(request, accountName), key);

    public static string SignBlobOrQueue(HttpRequestMessage request, string accountName, byte[] key) =>
        Sign(BlobOrQueueStringToSign(request, accountName), key);

    public static string Sign(string stringToSign, byte[] key) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public static string TableStringToSign(HttpRequestMessage request, string accountName)
    {
        var uri = request.RequestUri!;
        var builder = new StringBuilder(256)
            .Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(ContentHeader(request, "Content-MD5")).Append('\n')
            .Append(ContentHeader(request, "Content-Type")).Append('\n')
            .Append(Header(request, "x-ms-date")).Append('\n')
            .Append('/').Append(accountName).Append(uri.AbsolutePath);
        var comp = QueryParameters(uri).FirstOrDefault(p => p.Name == "comp");
        if (comp.Name is not null)
        {
            builder.Append("?comp=").Append(comp.Value);
        }

        return builder.ToString();
    }

    public static string BlobOrQueueStringToSign(HttpRequestMessage request, string accountName)
    {
        var uri = request.RequestUri!;
        var length = request.Content?.Headers.ContentLength;
        var builder = new StringBuilder(512)
            .Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(ContentHeader(request, "Content-Encoding")).Append('\n')
            .Append(ContentHeader(request, "Content-Language")).Append('\n')
            .Append(length is null or 0 ? string.Empty : length.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append(ContentHeader(request, "Content-MD5")).Append('\n')
            .Append(ContentHeader(request, "Content-Type")).Append('\n')
            .Append(string.Empty).Append('\n')
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');

        foreach (var (name, value) in request.Headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value).Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in QueryParameters(uri)
                     .GroupBy(p => p.Name.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(",", group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        var query = uri.Query;
        if (query.Length <= 1)
        {
            yield break;
        }

        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return (Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    private static string ContentHeader(HttpRequestMessage request, string name) =>
        request.Content is not null && request.Content.Headers.TryGetValues(name, out var values)
            ? string.Join(",", values)
            : string.Empty;
}
