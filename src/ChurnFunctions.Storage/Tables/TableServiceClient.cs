using ChurnFunctions.Storage.Connection;
using SdkTableServiceClient = Azure.Data.Tables.TableServiceClient;

namespace ChurnFunctions.Storage.Tables;

/// <summary>The account's table service as a whole: which tables exist.</summary>
public sealed class TableServiceClient
{
    private readonly SdkTableServiceClient _service;
    private readonly int _attempts;

    internal TableServiceClient(SdkTableServiceClient service, int attempts)
    {
        _service = service;
        _attempts = attempts;
    }

    public IAsyncEnumerable<string> ListTablesAsync(CancellationToken cancellationToken) =>
        StorageCall.ListAsync(StorageService.Table, "ListTables", "-", _attempts, ct => _service.QueryAsync(cancellationToken: ct).AsPages(), cancellationToken)
            .Select(table => table.Name);
}
