using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Import;

/// <summary>
/// The bulk import against the queue path on real Azurites: the same CDNOW rows (the file's title line and first 1,200
/// rows, three envelopes) stored once through the ingest queue and `churn serve`'s listener, once by the bulk importer, each into
/// an Azurite of its own, must leave the same customers and identities tables.
/// </summary>
public sealed class BulkImportTests : IAsyncLifetime, IDisposable
{
    private const int Rows = 1_200;
    private static readonly string[] Tables = [TableCustomerStore.TableName, TableIdentityIndex.TableName];

    // Their own Azurites, not the shared collection's: the comparison is of whole tables.
    private readonly AzuriteFixture queueAzurite = new();
    private readonly AzuriteFixture bulkAzurite = new();
    private readonly string path = Path.Combine(Path.GetTempPath(), $"cdnow-head-{Guid.NewGuid():N}.txt");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(queueAzurite.InitializeAsync(), bulkAzurite.InitializeAsync());
        await File.WriteAllLinesAsync(path, File.ReadLines(TestData.CdnowPath).Take(Rows + 1));
    }

    public async Task DisposeAsync() => await Task.WhenAll(queueAzurite.DisposeAsync(), bulkAzurite.DisposeAsync());

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task Bulk_import_stores_the_same_rows_as_the_queue_path_and_a_reimport_adds_nothing()
    {
        await using var queueHost = await SelfHostRunner.StartAsync(queueAzurite.ConnectionString);
        var queue = queueHost.Queue(Triggers.IngestQueue);
        await queue.CreateIfNotExistsAsync(default);
        foreach (var (envelope, _) in queueHost.Services.GetRequiredService<FileEnvelopeReader>().Read(path, ImportFormat.Cdnow))
        {
            await queue.SendAsync(IngestEnvelopeSerializer.Serialize(envelope), null, default);
        }

        await using var bulkHost = await SelfHostRunner.StartAsync(bulkAzurite.ConnectionString, listenToQueues: false);
        var importer = bulkHost.Services.GetRequiredService<BulkFileImporter>();
        var first = await importer.ImportAsync(path, ImportFormat.Cdnow, null, 16, default);

        Assert.Equal((Rows, Rows, 0L, 0L), (first.Rows, first.Accepted, first.Duplicates, first.Rejected));
        await SelfHostRunner.EventuallyAsync(() => CountTransactionsAsync(queueHost.Storage), n => n == Rows, TimeSpan.FromMinutes(5));
        await SelfHostRunner.EventuallyAsync(() => queueHost.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);
        foreach (var table in Tables)
        {
            Assert.Equal(await DumpAsync(queueHost.Storage, table), await DumpAsync(bulkHost.Storage, table));
        }

        var before = await DumpAsync(bulkHost.Storage, TableCustomerStore.TableName, withStoredAt: true);
        var again = await importer.ImportAsync(path, ImportFormat.Cdnow, null, 16, default);

        Assert.Equal((Rows, 0L, (long)Rows), (again.Rows, again.Accepted, again.Duplicates));
        Assert.Equal(before, await DumpAsync(bulkHost.Storage, TableCustomerStore.TableName, withStoredAt: true));
    }

    private static async Task<int> CountTransactionsAsync(StorageAccount storage)
    {
        var count = 0;
        var query = new TableQuery($"RowKey ge 'tx|' and RowKey lt 'tx}}'", ["PartitionKey"]);
        await foreach (var _ in storage.GetTableClient(TableCustomerStore.TableName).QueryAsync(query, default))
        {
            count++;
        }

        return count;
    }

    // Every row with every property but the storage's own (ETag, Timestamp) and, unless asked, when it was stored.
    private static async Task<string> DumpAsync(StorageAccount storage, string table, bool withStoredAt = false)
    {
        var rows = new List<string>();
        await foreach (var entity in storage.GetTableClient(table).QueryAsync(new TableQuery(), default))
        {
            var properties = entity.Properties
                .Where(p => withStoredAt || p.Key != "StoredAt")
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}");
            rows.Add($"{entity.PartitionKey}|{entity.RowKey}|{string.Join(';', properties)}");
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }
}
