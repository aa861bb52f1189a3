using System.Globalization;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Table "scores": PartitionKey the run day (yyyyMMdd), RowKey the customer id; a run writes 100 rows a batch, several
/// batches at once. Many customers' scores are read as the day's partition in pages, a few by point reads.
/// </summary>
public sealed class TableScoreStore(StorageAccount account) : IScoreStore
{
    public const string TableName = "scores";

    /// <summary>
    /// Up to this many customers are point reads (in parallel); more read the day's partition, 1,000 rows a round
    /// trip, which also spares Azurite a scan of the table per customer.
    /// </summary>
    public const int MaxPointReads = 200;

    private readonly JsonRows<CustomerScore> rows = new(account, TableName);

    public Task SaveAsync(DateOnly asOf, IReadOnlyList<CustomerScore> scores, CancellationToken cancellationToken) =>
        rows.UpsertPartitionAsync(Day(asOf), scores.Select(s => (s.CustomerId, s)), cancellationToken);

    // Runs before the kebab-case vocabulary wrote "AtRisk"; a read gives every score the one spelling.
    public async Task<CustomerScore?> GetAsync(DateOnly asOf, string customerId, CancellationToken cancellationToken) =>
        await rows.GetAsync(Day(asOf), customerId, cancellationToken) is { } score ? ScoreNames.Normalize(score) : null;

    public async Task<IReadOnlyDictionary<string, CustomerScore>> GetManyAsync(
        DateOnly asOf, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var wanted = customerIds as IReadOnlySet<string> ?? new HashSet<string>(customerIds, StringComparer.Ordinal);
        var result = new Dictionary<string, CustomerScore>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return result;
        }

        var day = Day(asOf);
        if (wanted.Count <= MaxPointReads)
        {
            foreach (var score in await rows.GetManyAsync(wanted.Select(id => (day, id)), cancellationToken).ConfigureAwait(false))
            {
                result[score.CustomerId] = ScoreNames.Normalize(score);
            }

            return result;
        }

        await foreach (var score in rows.QueryEachAsync(JsonRows<CustomerScore>.Partition(day), cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(score.CustomerId))
            {
                result[score.CustomerId] = ScoreNames.Normalize(score);
            }
        }

        return result;
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
