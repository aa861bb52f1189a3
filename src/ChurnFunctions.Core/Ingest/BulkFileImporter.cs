using System.Diagnostics;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Stores a file at storage speed through the same rules as the queue path: every row is normalised by its source's
/// normaliser (the same envelopes, so the same row ids), then the rows are grouped by buyer (<see cref="BuyerGroups"/>)
/// and each group goes through <see cref="IngestProcessor"/> on its own: one resolution per buyer, its transactions in
/// entity-group batches with its aggregate, several buyers at once. When it returns, every row is stored, a duplicate
/// of one stored before, or refused with its reason.
/// What the store holds is read first in a few scans (<see cref="IStoredCustomersScan"/>): a new buyer then costs its
/// key's claim and one batch, a returning one no read, and a row stored before no write at all.
/// </summary>
public sealed class BulkFileImporter(
    SourceNormalizerRegistry normalizers, IngestProcessor processor, FileEnvelopeReader reader, IStoredCustomersScan? scan = null)
{
    private const int MaxReasons = 100;

    public async Task<ImportSummary> ImportAsync(
        string path, ImportFormat format, IProgress<ImportProgress>? progress, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var normalizer = normalizers.Get(FileEnvelopeReader.SourceOf(format));
        var stopwatch = Stopwatch.StartNew();
        long rows = 0, rejected = 0;
        var reasons = new List<string>();
        var accepted = new List<NormalizedTransaction>();
        foreach (var (envelope, envelopeRows) in reader.Read(path, format))
        {
            var result = normalizer.Normalize(envelope);
            var errors = result.Errors ?? new Dictionary<string, string[]>();
            var envelopeInvalid = !result.IsValid && result.Transactions.Count == 0;
            rows += envelopeRows;
            rejected += envelopeInvalid ? envelopeRows : errors.Keys.Select(FileEnvelopeReader.RowOf).Distinct().Count();
            reasons.AddRange(errors.Take(MaxReasons - reasons.Count).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
            if (!envelopeInvalid)
            {
                accepted.AddRange(result.Transactions);
            }
        }

        var (named, anonymous) = BuyerGroups.Of(accepted);
        var stored = scan is null ? null : await scan.ReadAsync(cancellationToken);
        long written = 0, duplicates = 0;
        var tally = new Lock();
        void Count(IngestOutcome outcome)
        {
            lock (tally)
            {
                written += outcome.Stored;
                duplicates += outcome.Duplicates;
                progress?.Report(new ImportProgress(rejected + written + duplicates, written, duplicates, rejected));
            }
        }

        progress?.Report(new ImportProgress(rejected, 0, 0, rejected));
        await Parallel.ForEachAsync(
            named,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (group, ct) => Count(await processor.ProcessAsync(group, stored, ct)));

        // Anonymous sales share one customer, so they go last and in order, as one stream of deliveries would.
        foreach (var chunk in anonymous.Chunk(FileEnvelopeReader.RowsPerEnvelope))
        {
            Count(await processor.ProcessAsync(chunk, stored, cancellationToken));
        }

        return new ImportSummary(rows, written, duplicates, rejected, reasons, stopwatch.Elapsed);
    }
}
