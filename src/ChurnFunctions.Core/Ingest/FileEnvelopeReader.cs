using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Cuts an import file into envelopes of <see cref="RowsPerEnvelope"/> rows, as its source's normaliser takes them.
/// Row ids derive from the file's line numbers, carried in each envelope, so they are the same on every import.
/// </summary>
public sealed class FileEnvelopeReader(TimeProvider time)
{
    public const int RowsPerEnvelope = 500;

    public static string SourceOf(ImportFormat format) => format switch
    {
        ImportFormat.Csv => SourceNames.Csv,
        ImportFormat.Cdnow => SourceNames.Cdnow,
        _ => SourceNames.Pos,
    };

    /// <summary>Field errors are keyed "line 12.amount" (CSV, CDNOW) or "[3].total" (POS JSON): the row is the prefix.</summary>
    public static string RowOf(string errorKey)
    {
        ArgumentNullException.ThrowIfNull(errorKey);
        var dot = errorKey.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? errorKey[..dot] : errorKey;
    }

    public IEnumerable<(IngestEnvelope Envelope, int Rows)> Read(string path, ImportFormat format)
    {
        var source = SourceOf(format);
        return format == ImportFormat.PosJson ? ReadJsonChunks(path, source) : ReadLineChunks(path, source, hasHeader: format == ImportFormat.Csv);
    }

    private IEnumerable<(IngestEnvelope, int)> ReadLineChunks(string path, string source, bool hasHeader)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string? header = hasHeader ? reader.ReadLine() : null;
        var lineNumber = hasHeader ? 1 : 0;
        var chunk = new StringBuilder();
        var rows = 0;
        var firstLine = lineNumber + 1;
        // Inside a quoted field that goes on past this line (RFC 4180 allows line breaks in quotes): the next line
        // continues the record, so it neither counts as a row nor may an envelope end here. Every quote flips the
        // state, so an escaped "" leaves it as it was.
        var inQuotes = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && !hasHeader && !StartsWithNumber(line))
            {
                // CDNOW's title line (" customer_id  date ..."): a header that is not repeated per envelope.
                continue;
            }

            if (rows == 0)
            {
                firstLine = lineNumber;
                chunk.Clear();
                if (header is not null)
                {
                    chunk.AppendLine(header);
                }
            }

            chunk.AppendLine(line);
            if (!inQuotes && !string.IsNullOrWhiteSpace(line))
            {
                rows++;
            }

            inQuotes ^= line.AsSpan().Count('"') % 2 == 1;
            if (rows == RowsPerEnvelope && !inQuotes)
            {
                yield return (Envelope(source, chunk.ToString(), firstLine), rows);
                rows = 0;
            }
        }

        if (rows > 0)
        {
            yield return (Envelope(source, chunk.ToString(), firstLine), rows);
        }
    }

    private static bool StartsWithNumber(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return trimmed.Length > 0 && char.IsAsciiDigit(trimmed[0]);
    }

    private IEnumerable<(IngestEnvelope, int)> ReadJsonChunks(string path, string source)
    {
        var node = JsonNode.Parse(File.ReadAllText(path));
        var items = node is JsonArray array ? array.ToList() : [node];
        foreach (var chunk in items.Chunk(RowsPerEnvelope))
        {
            var body = new JsonArray([.. chunk.Select(n => n?.DeepClone())]).ToJsonString(JsonSerializerOptions.Default);
            yield return (new IngestEnvelope(source, time.GetUtcNow(), new Dictionary<string, string>(), body), chunk.Length);
        }
    }

    private IngestEnvelope Envelope(string source, string body, int firstLine) =>
        new(source, time.GetUtcNow(), new Dictionary<string, string>
        {
            // The first data row's line in the file: row ids derive from it, so they are stable across imports.
            [ImportHeaders.FirstLine] = firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, body);
}
