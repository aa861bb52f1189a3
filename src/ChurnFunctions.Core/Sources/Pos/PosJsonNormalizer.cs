using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Sources.Pos;

/// <summary>
/// The generic POS JSON endpoint (schema in docs/pos-json.md): one transaction object or an array of them.
/// A batch is all or nothing: if any item is invalid, <see cref="Normalize"/> returns no transactions and every
/// field error keyed by JSON path ("[3].total", "occurredAt"), which the HTTP side returns as a 400.
/// </summary>
/// <remarks>
/// Verify: the x-api-key header must equal one of <see cref="ApiOptions.Keys"/> (compared in constant time).
/// No keys configured -> <see cref="SignatureCheck.Invalid"/> for every request (fail closed).
/// </remarks>
public sealed class PosJsonNormalizer(IOptions<WebhookOptions> webhookOptions, IOptions<ApiOptions> apiOptions) : ISourceNormalizer
{
    public const string ApiKeyHeader = ApiKeyCheck.HeaderName;

    /// <summary>More items than this in one request is refused: split the batch.</summary>
    public const int MaxBatchSize = 1000;

    public string Source => SourceNames.Pos;

    public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];

    public IReadOnlyList<string> KeptHeaders { get; } = [];

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) =>
        ApiKeyCheck.Check(apiOptions.Value, headers);

    public NormalizationResult Normalize(IngestEnvelope envelope) =>
        string.IsNullOrWhiteSpace(envelope.Body)
            ? NormalizationResult.Invalid("body", "The body is empty.")
            : Parse(Encoding.UTF8.GetBytes(envelope.Body));

    /// <summary>
    /// The field errors of a request body, empty when it is valid: what the HTTP side can check before enqueueing
    /// without building an envelope. Same rules as <see cref="Normalize"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Validate(ReadOnlySpan<byte> body) =>
        Parse(body).Errors ?? new Dictionary<string, string[]>();

    private NormalizationResult Parse(ReadOnlySpan<byte> utf8)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return NormalizationResult.Invalid("body", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new ErrorBag();
            var reader = new PosTransactionReader(webhookOptions.Value.PhoneRegion, errors);
            var transactions = new List<NormalizedTransaction>();
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    Add(transactions, Read(reader, root, string.Empty, errors));
                    break;
                case JsonValueKind.Array when root.GetArrayLength() == 0:
                    return NormalizationResult.Invalid("body", "The batch is empty.");
                case JsonValueKind.Array when root.GetArrayLength() > MaxBatchSize:
                    return NormalizationResult.Invalid("body", $"A batch holds at most {MaxBatchSize} transactions.");
                case JsonValueKind.Array:
                    ReadBatch(root, reader, transactions, errors);
                    break;
                default:
                    return NormalizationResult.Invalid("body", "Expected a transaction object or an array of them.");
            }

            // All or nothing: a half-stored batch would leave the sender unsure which items to resend.
            return errors.Count > 0
                ? new NormalizationResult([], Errors: errors.ToDictionaryOrNull())
                : new NormalizationResult(transactions);
        }
    }

    private static void ReadBatch(JsonElement root, PosTransactionReader reader, List<NormalizedTransaction> transactions, ErrorBag errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var path = $"[{index}]";
            var transaction = Read(reader, item, path, errors);
            if (transaction is not null && !seen.Add(transaction.Transaction.ExternalId))
            {
                errors.Add(path + ".id", $"Duplicate id '{transaction.Transaction.ExternalId}' in the batch.");
            }

            Add(transactions, transaction);
            index++;
        }
    }

    /// <summary>
    /// One item, held to <see cref="IntakeLimits"/> here too so its errors carry the item's path ("[0].customer.email")
    /// even in a batch of one, and <see cref="Validate"/> answers what ingest would.
    /// </summary>
    private static NormalizedTransaction? Read(PosTransactionReader reader, JsonElement item, string path, ErrorBag errors)
    {
        var prefix = path.Length == 0 ? string.Empty : path + ".";
        NormalizedTransaction? transaction;
        try
        {
            transaction = reader.Read(item, path);
        }
        catch (InvalidFieldException ex)
        {
            errors.Add(prefix + ex.Field, ex.Message);
            return null;
        }

        if (transaction is null)
        {
            return null;
        }

        var found = IntakeLimits.Check(transaction);
        foreach (var (field, message) in found)
        {
            errors.Add(prefix + field, message);
        }

        return found.Count == 0 ? transaction : null;
    }

    private static void Add(List<NormalizedTransaction> transactions, NormalizedTransaction? transaction)
    {
        if (transaction is not null)
        {
            transactions.Add(transaction);
        }
    }
}
