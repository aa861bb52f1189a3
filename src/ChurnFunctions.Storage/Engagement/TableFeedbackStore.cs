using System.Globalization;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Storage.Ports;

namespace ChurnFunctions.Storage.Engagement;

/// <summary>
/// <see cref="IFeedbackStore"/> on two tables. "feedback": PartitionKey the UTC day (yyyy-MM-dd), RowKey the customer
/// id, so a period summary is a partition range scan and a second answer the same day replaces the first.
/// "churnreasons": PartitionKey the customer id, RowKey "latest": the answer a churn-reason trigger looks at, and
/// RowKey "day|{yyyy-MM-dd}" per answer, so a customer's answers are one partition query (and go with the customer's
/// partition on erasure). Answers stored before the day rows existed have only their "latest" row.
/// </summary>
public sealed class TableFeedbackStore(StorageAccount account) : IFeedbackStore
{
    public const string TableName = "feedback";
    public const string LatestTableName = "churnreasons";
    private const string LatestRow = "latest";
    private const string DayRowPrefix = "day|";
    private readonly JsonRows<FeedbackEntry> byDay = new(account, TableName);
    private readonly JsonRows<FeedbackEntry> latest = new(account, LatestTableName);

    public async Task SaveAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await byDay.UpsertAsync(Day(DateOnly.FromDateTime(entry.At.UtcDateTime)), entry.CustomerId, entry, cancellationToken).ConfigureAwait(false);
        await latest.UpsertAsync(entry.CustomerId, DayRowPrefix + Day(DateOnly.FromDateTime(entry.At.UtcDateTime)), entry, cancellationToken).ConfigureAwait(false);
        await latest.UpsertAsync(entry.CustomerId, LatestRow, entry, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        // The latest row repeats the newest day row; alone, it is an answer stored before the day rows.
        var rows = await latest.QueryAsync(JsonRows<FeedbackEntry>.Partition(customerId), cancellationToken).ConfigureAwait(false);
        return [.. rows.DistinctBy(e => DateOnly.FromDateTime(e.At.UtcDateTime)).OrderBy(e => e.At)];
    }

    public Task<IReadOnlyList<FeedbackEntry>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        byDay.QueryAsync(JsonRows<FeedbackEntry>.PartitionRange(Day(from), Day(to)), cancellationToken);

    public Task<FeedbackEntry?> GetLatestAsync(string customerId, CancellationToken cancellationToken) =>
        latest.GetAsync(customerId, LatestRow, cancellationToken);

    /// <summary>
    /// A few customers are point reads; more are one pass over "churnreasons", which holds a row only per customer
    /// who ever answered.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FeedbackEntry>> GetLatestManyAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var wanted = customerIds as IReadOnlySet<string> ?? new HashSet<string>(customerIds, StringComparer.Ordinal);
        var result = new Dictionary<string, FeedbackEntry>(StringComparer.Ordinal);
        var entries = wanted.Count <= TableScoreStore.MaxPointReads
            ? (await latest.GetManyAsync(wanted.Select(id => (id, LatestRow)), cancellationToken).ConfigureAwait(false)).ToAsyncEnumerable()
            : latest.QueryEachAsync($"RowKey eq '{LatestRow}'", cancellationToken);
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            if (wanted.Contains(entry.CustomerId))
            {
                result[entry.CustomerId] = entry;
            }
        }

        return result;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
