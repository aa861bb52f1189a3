using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>
/// GET /api/dashboard/{*path}: the staff dashboard's static pages, scripts and the bundled chart library, embedded in
/// this assembly at build (no CDN). The files hold no customer data: each page signs in with a read key and calls the
/// JSON API with it, so serving them needs no key.
/// </summary>
public sealed class DashboardEndpoint
{
    /// <summary>Where the dashboard is served in both hosts (the Functions app's route prefix is "api" too).</summary>
    public const string BasePath = "/api/dashboard/";
    private const string Prefix = "dashboard/";
    private const string IndexPage = "index.html";
    private const string Folder = "/dashboard/";

    // What a page may load: its own files and the API on the same origin; nothing inline, nothing from elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, byte[]> files = Load();

    /// <summary>The file names served (relative to <see cref="BasePath"/>).</summary>
    public IReadOnlyCollection<string> Files => files.Keys;

    /// <summary>
    /// The file named by the request path after "/dashboard/"; the overview page for the folder itself and for any
    /// other path ("/" in the self-host). Read from the path, not a route value, so both hosts resolve it alike.
    /// </summary>
    public IResult Get(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        var at = path.IndexOf(Folder, StringComparison.Ordinal);
        var name = at < 0 || at + Folder.Length == path.Length ? IndexPage : path[(at + Folder.Length)..];
        if (!files.TryGetValue(name, out var content) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Problems.NotFound($"The dashboard has no file '{name}'.");
        }

        var response = request.HttpContext.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Bytes(content, type);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(DashboardEndpoint).Assembly;
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            result[resource[Prefix.Length..]] = copy.ToArray();
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
