using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>
/// A transaction file read once through its source's normaliser (the same rows, ids and refusals as `churn import`),
/// cut to a deterministic sample of buyers and grouped by the UTC day each row happened, for the driver to replay.
/// </summary>
public sealed record DemoTransactions(
    IReadOnlyList<(DateOnly Day, IReadOnlyList<NormalizedTransaction> Rows)> Days,
    long RowsRead,
    long RowsRefused,
    int Buyers,
    int BuyersKept)
{
    /// <summary>The address domain reserved for examples (RFC 2606): a demo address can never reach anyone.</summary>
    public const string DemoEmailDomain = "example.com";

    public int Rows => Days.Sum(d => d.Rows.Count);

    /// <param name="sample">Buyers to keep, about: every k-th buyer in order of first appearance; null keeps all.</param>
    public static DemoTransactions Read(
        FileEnvelopeReader reader, SourceNormalizerRegistry normalizers, string path, ImportFormat format, int? sample)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(normalizers);
        var normalizer = normalizers.Get(FileEnvelopeReader.SourceOf(format));
        long rows = 0, refused = 0;
        var accepted = new List<NormalizedTransaction>();
        foreach (var (envelope, envelopeRows) in reader.Read(path, format))
        {
            var result = normalizer.Normalize(envelope);
            rows += envelopeRows;
            var errors = result.Errors ?? new Dictionary<string, string[]>();
            refused += !result.IsValid && result.Transactions.Count == 0
                ? envelopeRows
                : errors.Keys.Select(FileEnvelopeReader.RowOf).Distinct().Count();
            accepted.AddRange(result.Transactions);
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in accepted)
        {
            if (BuyerKey(row) is { } key)
            {
                order.TryAdd(key, order.Count);
            }
        }

        var every = sample is { } wanted && wanted < order.Count ? (int)Math.Ceiling(order.Count / (double)Math.Max(1, wanted)) : 1;
        var kept = accepted
            .Where(row => BuyerKey(row) is not { } key || order[key] % every == 0)
            .Select(row => format == ImportFormat.Cdnow ? WithDemoContact(row) : row)
            .ToList();
        var days = kept
            .GroupBy(row => DateOnly.FromDateTime(row.Transaction.OccurredAt.UtcDateTime))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<NormalizedTransaction>)[.. g.OrderBy(r => r.Transaction.OccurredAt)]))
            .ToList();
        var buyersKept = order.Count(pair => pair.Value % every == 0);
        return new DemoTransactions(days, rows, refused, order.Count, buyersKept);
    }

    private static string? BuyerKey(NormalizedTransaction row) =>
        row.Customer is { IsAnonymous: false } customer ? customer.PlatformKey ?? customer.Email ?? customer.Phone : null;

    /// <summary>
    /// CDNOW rows name a buyer by number only, and a campaign sends nothing without an address and consent: each buyer
    /// gets an address at <see cref="DemoEmailDomain"/> and email consent given with the purchase, so the campaigns
    /// have someone to write to (the outbox records it; nothing leaves the machine).
    /// </summary>
    private static NormalizedTransaction WithDemoContact(NormalizedTransaction row)
    {
        if (row.Customer is not { PlatformKey: { } key, Email: null } customer)
        {
            return row;
        }

        var local = key.Replace(':', '-');
        return row with
        {
            Customer = customer with
            {
                Email = $"{local}@{DemoEmailDomain}",
                Consents = [new ConsentRecord(MessageChannel.Email, true, "demo", row.Transaction.OccurredAt)],
            },
        };
    }
}
