namespace ChurnFunctions.Core.Privacy;

/// <summary>Finds, and deletes, everything storage holds about one person; and deletes what the retention period ended.</summary>
public interface ICustomerDataStore
{
    Task<CustomerDataExport> ExportAsync(DataSubject subject, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes every row and blob naming the subject (rows shared with others are redacted); the count per table.</summary>
    Task<IReadOnlyDictionary<string, int>> EraseAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>Stores an export document for a platform's data request; returns its blob name.</summary>
    Task<string> SaveExportAsync(CustomerDataExport export, CancellationToken cancellationToken);

    /// <summary>Deletes transactions that happened, and raw bodies written, before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyDictionary<string, int>> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
