using System.Globalization;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Table "metrics": PartitionKey "daily", RowKey the day (yyyy-MM-dd), so a date range is one range query; the row
/// "latest" is the latest-run pointer: a copy of the published run's snapshot (tables cannot be read newest first),
/// written only by <see cref="PublishAsync"/>, after the run's scores and snapshot.
/// </summary>
public sealed class TableMetricsStore(StorageAccount account) : IMetricsStore
{
    public const string TableName = "metrics";
    private const string Partition = "daily";
    private readonly JsonRows<MetricsSnapshot> rows = new(account, TableName);

    private const string LatestPartition = "latest";

    public Task SaveAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken) =>
        rows.UpsertAsync(Partition, Day(snapshot.Date), snapshot, cancellationToken);

    public Task PublishAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken) =>
        rows.UpsertAsync(LatestPartition, string.Empty, snapshot, cancellationToken);

    public async Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken) =>
        await rows.GetAsync(LatestPartition, string.Empty, cancellationToken) is { } latest ? ScoreNames.Normalize(latest) : null;

    public async Task<IReadOnlyList<MetricsSnapshot>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        [.. (await rows.QueryAsync(JsonRows<MetricsSnapshot>.RowRange(Partition, Day(from), Day(to)), cancellationToken)).OrderBy(s => s.Date).Select(ScoreNames.Normalize)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
