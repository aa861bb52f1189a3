using System.Globalization;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Table "metrics": PartitionKey "daily", RowKey the day (yyyy-MM-dd), so a date range is one range query; a row
/// "latest" holds a copy of the newest day, since tables cannot be read newest first.
/// </summary>
public sealed class TableMetricsStore(StorageAccount account) : IMetricsStore
{
    public const string TableName = "metrics";
    private const string Partition = "daily";
    private readonly JsonRows<MetricsSnapshot> rows = new(account, TableName);

    private const string LatestPartition = "latest";

    public async Task SaveAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken)
    {
        await rows.UpsertAsync(Partition, Day(snapshot.Date), snapshot, cancellationToken);

        // One nightly writer: a plain read-compare-write keeps the pointer on the newest day, re-runs of old days aside.
        if (await LatestAsync(cancellationToken) is not { } latest || latest.Date <= snapshot.Date)
        {
            await rows.UpsertAsync(LatestPartition, string.Empty, snapshot, cancellationToken);
        }
    }

    public Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken) =>
        rows.GetAsync(LatestPartition, string.Empty, cancellationToken);

    public async Task<IReadOnlyList<MetricsSnapshot>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        [.. (await rows.QueryAsync(JsonRows<MetricsSnapshot>.RowRange(Partition, Day(from), Day(to)), cancellationToken)).OrderBy(s => s.Date)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
