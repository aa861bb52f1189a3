using System.Globalization;
using ChurnFunctions.Core.Alerts;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Table "alerts": PartitionKey the day (yyyy-MM-dd), RowKey the condition. The insert is the dedupe: a second alert
/// for the same condition on the same day meets the first one's row.
/// </summary>
public sealed class TableAlertStore(StorageAccount account) : IAlertStore
{
    public const string TableName = "alerts";
    private readonly JsonRows<Alert> rows = new(account, TableName);

    public Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken) =>
        rows.TryInsertAsync(Day(alert.Date), alert.Condition, alert, cancellationToken);

    public async Task<IReadOnlyList<Alert>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        [.. (await rows.QueryAsync(JsonRows<Alert>.PartitionRange(Day(from), Day(to)), cancellationToken)).OrderBy(a => a.Date).ThenBy(a => a.RaisedAt)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
