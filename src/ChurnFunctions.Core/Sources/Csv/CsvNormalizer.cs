using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Sources.Csv;

/// <summary>
/// CSV transaction files (columns in docs/csv-import.md), one transaction per row. Unlike POS JSON, a bad row does
/// not sink its chunk: <see cref="Normalize"/> returns the valid rows as transactions and the rejected ones as
/// errors keyed "line {n}.{column}", and the importer stores the first and counts the second.
/// </summary>
/// <remarks>
/// Verify (for an import posted over HTTP): the x-api-key header against <see cref="ApiOptions.Keys"/>, as for
/// POS JSON; no keys configured -> <see cref="SignatureCheck.Invalid"/> (fail closed).
/// </remarks>
public sealed class CsvNormalizer(IOptions<WebhookOptions> webhookOptions, IOptions<ApiOptions> apiOptions) : ISourceNormalizer
{
    public string Source => SourceNames.Csv;

    public IReadOnlyList<string> ContentTypes { get; } = ["text/csv"];

    public IReadOnlyList<string> KeptHeaders { get; } = [ImportHeaders.FirstLine, ImportHeaders.DefaultCurrency];

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) =>
        ApiKeyCheck.Check(apiOptions.Value, headers);

    public NormalizationResult Normalize(IngestEnvelope envelope)
    {
        if (string.IsNullOrWhiteSpace(envelope.Body))
        {
            return NormalizationResult.Invalid("body", "The body is empty.");
        }

        var defaultCurrency = envelope.Header(ImportHeaders.DefaultCurrency)?.Trim().ToUpperInvariant();
        var rowReader = new CsvRowReader(
            Money.IsCurrencyCode(defaultCurrency) ? defaultCurrency! : "USD",
            webhookOptions.Value.PhoneRegion);
        var firstLine = ImportHeaders.ReadFirstLine(envelope, 2);

        var reader = new CsvRecordReader(envelope.Body);
        if (!reader.Read())
        {
            return NormalizationResult.Invalid("header", "The header row is missing.");
        }

        if (CsvColumns.TryCreate(reader.Fields, out var columns) is { } headerError)
        {
            return NormalizationResult.Invalid("header", headerError);
        }

        var errors = new ErrorBag();
        var transactions = new List<NormalizedTransaction>();
        var headerLine = reader.Line;
        while (reader.Read())
        {
            // The first line after the header is the chunk's first data row, which sits at firstLine in the file.
            var fileLine = firstLine + (reader.Line - headerLine - 1);
            if (rowReader.Read(columns, reader.Fields, reader.Raw, fileLine, errors) is { } transaction)
            {
                transactions.Add(transaction);
            }
        }

        return new NormalizationResult(transactions, Errors: errors.ToDictionaryOrNull());
    }
}
