using System.Globalization;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Storage.Ports;

/// <summary>Table "metrics": PartitionKey "daily", RowKey the day (yyyy-MM-dd), so a date range is one range query.</summary>
public sealed class TableMetricsStore(StorageAccount account) : IMetricsStore
{
    public const string TableName = "metrics";
    private const string Partition = "daily";
    private readonly JsonRows<MetricsSnapshot> rows = new(account, TableName);

    public Task SaveAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken) =>
        rows.UpsertAsync(Partition, Day(snapshot.Date), snapshot, cancellationToken);

    public async Task<IReadOnlyList<MetricsSnapshot>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        [.. (await rows.QueryAsync(JsonRows<MetricsSnapshot>.RowRange(Partition, Day(from), Day(to)), cancellationToken)).OrderBy(s => s.Date)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
