using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Sends a file through the ingest path: the file is cut into envelopes of <see cref="RowsPerEnvelope"/> rows, each
/// normalised by its source's normaliser and stored by <see cref="IngestProcessor"/>, as queue messages are. Running
/// in-process (rather than through the queue) lets the summary count duplicates and rejections exactly.
/// Re-importing a file stores nothing twice: row ids come from the file's line numbers.
/// </summary>
public sealed class FileImporter(SourceNormalizerRegistry normalizers, IngestProcessor processor, TimeProvider time)
{
    public const int RowsPerEnvelope = 500;
    private const int MaxReasons = 100;

    public async Task<ImportSummary> ImportAsync(
        string path, ImportFormat format, IProgress<ImportProgress>? progress, int parallelism, CancellationToken cancellationToken)
    {
        var source = format switch
        {
            ImportFormat.Csv => SourceNames.Csv,
            ImportFormat.Cdnow => SourceNames.Cdnow,
            _ => SourceNames.Pos,
        };
        var normalizer = normalizers.Get(source);
        var stopwatch = Stopwatch.StartNew();
        long rows = 0, stored = 0, duplicates = 0, rejected = 0;
        var reasons = new List<string>();

        await Parallel.ForEachAsync(
            ReadEnvelopes(path, format, source),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var result = normalizer.Normalize(chunk.Envelope);
                var errors = result.Errors ?? new Dictionary<string, string[]>();
                var batchInvalid = !result.IsValid && result.Transactions.Count == 0;
                var outcome = batchInvalid ? IngestOutcome.None : await processor.ProcessAsync(result.Transactions, ct);
                var rejectedRows = batchInvalid ? chunk.Rows : errors.Keys.Select(RowOf).Distinct().Count();

                lock (reasons)
                {
                    rows += chunk.Rows;
                    stored += outcome.Stored;
                    duplicates += outcome.Duplicates;
                    rejected += rejectedRows;
                    foreach (var error in errors.Take(MaxReasons - reasons.Count))
                    {
                        reasons.Add($"{error.Key}: {string.Join(", ", error.Value)}");
                    }

                    progress?.Report(new ImportProgress(rows, stored, duplicates, rejected));
                }
            });

        return new ImportSummary(rows, stored, duplicates, rejected, reasons, stopwatch.Elapsed);

        // Field errors are keyed "line 12.amount" (CSV, CDNOW) or "[3].total" (POS JSON): one row per prefix.
        static string RowOf(string key)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 ? key[..dot] : key;
        }
    }

    private IEnumerable<(IngestEnvelope Envelope, int Rows)> ReadEnvelopes(string path, ImportFormat format, string source) =>
        format == ImportFormat.PosJson ? ReadJsonChunks(path, source) : ReadLineChunks(path, source, hasHeader: format == ImportFormat.Csv);

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
