namespace ChurnFunctions.Core.Privacy;

public interface IPrivacyAudit
{
    Task RecordAsync(PrivacyAuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<PrivacyAuditEntry>> ListAsync(CancellationToken cancellationToken);
}
