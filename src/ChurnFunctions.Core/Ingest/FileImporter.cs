using System.Diagnostics;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Sends a file through the ingest path: the file is cut into envelopes of <see cref="RowsPerEnvelope"/> rows, each
/// normalised by its source's normaliser and stored by <see cref="IngestProcessor"/>, as queue messages are. Running
/// in-process (rather than through the queue) lets the summary count duplicates and rejections exactly.
/// Re-importing a file stores nothing twice: row ids come from the file's line numbers.
/// </summary>
public sealed class FileImporter(SourceNormalizerRegistry normalizers, IngestProcessor processor, FileEnvelopeReader reader)
{
    public const int RowsPerEnvelope = FileEnvelopeReader.RowsPerEnvelope;
    private const int MaxReasons = 100;

    public async Task<ImportSummary> ImportAsync(
        string path, ImportFormat format, IProgress<ImportProgress>? progress, int parallelism, CancellationToken cancellationToken)
    {
        var source = FileEnvelopeReader.SourceOf(format);
        var normalizer = normalizers.Get(source);
        var stopwatch = Stopwatch.StartNew();
        long rows = 0, stored = 0, duplicates = 0, rejected = 0;
        var reasons = new List<string>();

        await Parallel.ForEachAsync(
            reader.Read(path, format),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var result = normalizer.Normalize(chunk.Envelope);
                var errors = result.Errors ?? new Dictionary<string, string[]>();
                var batchInvalid = !result.IsValid && result.Transactions.Count == 0;
                var outcome = batchInvalid ? IngestOutcome.None : await processor.ProcessAsync(result.Transactions, ct);
                var rejectedRows = batchInvalid ? chunk.Rows : errors.Keys.Select(FileEnvelopeReader.RowOf).Distinct().Count();

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
    }
}
