namespace ChurnFunctions.Api.Telemetry;

/// <summary>
/// URLs as spans may carry them. A lookup's query holds an email or phone (<c>/api/customers?email=…</c>); a storage
/// URL names the entity, and identity keys are emails and phones (<c>identities(PartitionKey='email:…')</c>); a
/// provider path can hold a phone number. So the query goes, and a path segment is kept only when it has the shape of
/// a name (a letter or '$', then letters, digits, '-', '_' or '.'): table, queue and container names, <c>$batch</c>,
/// account ids. Anything else, and an entity's key in parentheses, becomes <see cref="Redacted"/>.
/// </summary>
public static class TelemetryUrls
{
    public const string Redacted = "Redacted";

    private const int MaxNameLength = 63;

    /// <summary>The URL with its query dropped and every segment that is not a plain name redacted; null stays null.</summary>
    public static string? Redact(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return RedactPath(url.Split('?', 2)[0]);
        }

        return uri.Scheme + "://" + uri.Authority + RedactPath(uri.AbsolutePath);
    }

    /// <summary>A path (no scheme or host) with its query dropped and the segments that are not plain names redacted.</summary>
    public static string RedactPath(string path) =>
        string.Join('/', path.Split('?', 2)[0].Split('/').Select(RedactSegment));

    private static string RedactSegment(string segment)
    {
        // Escaped or not ('%24batch' is '$batch'; '%40' is '@', which no name has), judged by what it says.
        segment = Uri.UnescapeDataString(segment);
        if (segment.Length == 0 || IsName(segment))
        {
            return segment;
        }

        // customers(PartitionKey='…',RowKey='…') keeps its table's name.
        var open = segment.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && IsName(segment[..open]) ? segment[..open] + "(" + Redacted + ")" : Redacted;
    }

    private static bool IsName(string segment) =>
        segment.Length <= MaxNameLength
        && (char.IsAsciiLetter(segment[0]) || segment[0] == '$')
        && segment.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
