using System.Globalization;
using System.Runtime.CompilerServices;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Table "scores": PartitionKey the run day and the customer's bucket ("yyyyMMdd-bb", one of <see cref="Buckets"/>,
/// from a stable hash of the id), RowKey the customer id. A run writes 100 rows a batch, several batches at once;
/// many customers' scores are read as the day's partition range in pages, a few by point reads.
/// Why buckets: one partition per day caps a run's writes at one partition's throughput (about 2,000 entities/s on
/// Azure), and Azurite looks a written row up by a scan of its partition, so a day in one partition cost it time
/// growing with the square of the customers. Runs written before buckets ("yyyyMMdd" alone) are still read.
/// </summary>
public sealed class TableScoreStore(StorageAccount account) : IScoreStore
{
    public const string TableName = "scores";

    /// <summary>Partitions a day's scores are spread over.</summary>
    public const int Buckets = 64;

    /// <summary>Up to this many customers are point reads (in parallel); more read the day's partitions, 1,000 rows a round trip.</summary>
    public const int MaxPointReads = 200;

    private readonly JsonRows<CustomerScore> rows = new(account, TableName);

    public async Task SaveAsync(DateOnly asOf, IReadOnlyList<CustomerScore> scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await Parallel.ForEachAsync(
            scores.GroupBy(s => Partition(asOf, s.CustomerId)),
            new ParallelOptions { MaxDegreeOfParallelism = JsonRows<CustomerScore>.Parallelism, CancellationToken = cancellationToken },
            async (partition, ct) => await rows.UpsertPartitionAsync(partition.Key, partition.Select(s => (s.CustomerId, s)), ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    // Runs before the kebab-case vocabulary wrote "AtRisk"; a read gives every score the one spelling.
    public async Task<CustomerScore?> GetAsync(DateOnly asOf, string customerId, CancellationToken cancellationToken) =>
        await rows.GetAsync(Partition(asOf, customerId), customerId, cancellationToken).ConfigureAwait(false) is { } score
            ? ScoreNames.Normalize(score)
            : await rows.GetAsync(Day(asOf), customerId, cancellationToken).ConfigureAwait(false) is { } legacy ? ScoreNames.Normalize(legacy) : null;

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

        if (wanted.Count <= MaxPointReads)
        {
            foreach (var score in await rows.GetManyAsync(wanted.Select(id => (Partition(asOf, id), id)), cancellationToken).ConfigureAwait(false))
            {
                result[score.CustomerId] = ScoreNames.Normalize(score);
            }

            var missing = wanted.Where(id => !result.ContainsKey(id)).Select(id => (Day(asOf), id)).ToList();
            foreach (var score in missing.Count == 0 ? [] : await rows.GetManyAsync(missing, cancellationToken).ConfigureAwait(false))
            {
                result[score.CustomerId] = ScoreNames.Normalize(score);
            }

            return result;
        }

        // "yyyyMMdd" and every "yyyyMMdd-bb" sort between the day and the day followed by '.' ('-' < '.').
        var day = Day(asOf);
        await foreach (var score in rows.QueryEachAsync(JsonRows<CustomerScore>.PartitionFromUntil(day, day + "."), cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(score.CustomerId))
            {
                result[score.CustomerId] = ScoreNames.Normalize(score);
            }
        }

        return result;
    }

    /// <summary>The partition of a customer's score of a day.</summary>
    public static string Partition(DateOnly day, string customerId) =>
        Day(day) + "-" + Bucket(customerId).ToString("D2", CultureInfo.InvariantCulture);

    // FNV-1a over the UTF-16 code units: stable across processes and versions, unlike string.GetHashCode.
    private static int Bucket(string customerId)
    {
        var hash = 2166136261u;
        foreach (var c in customerId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Buckets);
    }

    public async IAsyncEnumerable<CustomerScore> ListAsync(DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The day's buckets and a run written before buckets, as in GetManyAsync.
        var day = Day(asOf);
        await foreach (var score in rows.QueryEachAsync(JsonRows<CustomerScore>.PartitionFromUntil(day, day + "."), cancellationToken).ConfigureAwait(false))
        {
            yield return ScoreNames.Normalize(score);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
