using System.Globalization;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Storage.Ports;

namespace ChurnFunctions.Storage.Privacy;

/// <summary>Table "privacyaudit": PartitionKey "audit", RowKey newest first (inverted ticks, then a random suffix), the entry as JSON.</summary>
public sealed class TablePrivacyAudit(StorageAccount account) : IPrivacyAudit
{
    public const string TableName = "privacyaudit";
    private const string Partition = "audit";
    private readonly JsonRows<PrivacyAuditEntry> rows = new(account, TableName);

    public Task RecordAsync(PrivacyAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        return rows.UpsertAsync(Partition, rowKey, entry, cancellationToken);
    }

    public Task<IReadOnlyList<PrivacyAuditEntry>> ListAsync(CancellationToken cancellationToken) =>
        rows.QueryAsync(JsonRows<PrivacyAuditEntry>.RowRange(Partition, string.Empty, "~~~~"), cancellationToken);
}
