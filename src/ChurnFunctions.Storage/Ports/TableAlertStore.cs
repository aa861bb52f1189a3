using System.Globalization;
using ChurnFunctions.Core.Alerts;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// Table "alerts": PartitionKey the day (yyyy-MM-dd), RowKey the condition. The insert is the dedupe: a second alert
/// for the same condition on the same day meets the first one's row. Table "customeralerts" indexes the alerts about
/// one customer: PartitionKey the customer id, RowKey "{day}|{condition}", the same alert, so a customer's alerts are
/// one partition query (and go with the customer on erasure, their keys naming the id). Alerts raised before the
/// index existed are not in it.
/// </summary>
public sealed class TableAlertStore(StorageAccount account) : IAlertStore
{
    public const string TableName = "alerts";
    public const string ByCustomerTableName = "customeralerts";
    private readonly JsonRows<Alert> rows = new(account, TableName);
    private readonly JsonRows<Alert> byCustomer = new(account, ByCustomerTableName);

    public async Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var added = await rows.TryInsertAsync(Day(alert.Date), alert.Condition, alert, cancellationToken).ConfigureAwait(false);
        if (alert.CustomerId is { } customerId)
        {
            // Written whether or not the alert was new: a run that stopped between the two writes is completed by the next.
            await byCustomer.UpsertAsync(customerId, Day(alert.Date) + "|" + alert.Condition, alert, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    public async Task<IReadOnlyList<Alert>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        [.. (await byCustomer.QueryAsync(JsonRows<Alert>.Partition(customerId), cancellationToken).ConfigureAwait(false))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.RaisedAt)];

    public async Task<IReadOnlyList<Alert>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        [.. (await rows.QueryAsync(JsonRows<Alert>.PartitionRange(Day(from), Day(to)), cancellationToken)).OrderBy(a => a.Date).ThenBy(a => a.RaisedAt)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
