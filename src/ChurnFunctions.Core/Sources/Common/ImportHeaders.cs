using System.Globalization;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources;

/// <summary>Envelope headers the file importer sets on each chunk of a CSV or CDNOW file.</summary>
public static class ImportHeaders
{
    /// <summary>
    /// Where the chunk sits in its file, so row ids ("line:{n}") stay the same on every import of that file.
    /// CSV: the file line of the chunk's first data row (default 2, the header being line 1).
    /// CDNOW: the file line of the body's first line, a header line included (default 1).
    /// </summary>
    public const string FirstLine = "X-First-Line";

    /// <summary>The currency of CSV rows that leave the currency column empty (default USD).</summary>
    public const string DefaultCurrency = "X-Default-Currency";

    internal static int ReadFirstLine(IngestEnvelope envelope, int fallback) =>
        int.TryParse(envelope.Header(FirstLine), NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line >= 1
            ? line
            : fallback;
}
