using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Storage.Ports;

namespace ChurnFunctions.Storage.Engagement;

/// <summary><see cref="ISmsDeliveryLog"/> on table "smsdelivery": PartitionKey the send id, RowKey "", the record as JSON.</summary>
public sealed class TableSmsDeliveryLog(StorageAccount account) : ISmsDeliveryLog
{
    public const string TableName = "smsdelivery";
    private readonly JsonRows<SmsDeliveryRecord> rows = new(account, TableName);

    public async Task RecordAsync(SmsDeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Read then write: two callbacks for one send racing here is rare, and a final one lands last in practice.
        if (!record.IsFinal && await GetAsync(record.SendId, cancellationToken).ConfigureAwait(false) is { IsFinal: true })
        {
            return;
        }

        await rows.UpsertAsync(record.SendId, string.Empty, record, cancellationToken).ConfigureAwait(false);
    }

    public Task<SmsDeliveryRecord?> GetAsync(string sendId, CancellationToken cancellationToken) =>
        rows.GetAsync(sendId, string.Empty, cancellationToken);
}
