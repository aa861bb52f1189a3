using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using ChurnFunctions.Storage.Blobs;
using ChurnFunctions.Storage.Connection;
using ChurnFunctions.Storage.Queues;
using ChurnFunctions.Storage.Tables;
using Microsoft.Extensions.Logging;
using SdkBlobClientOptions = Azure.Storage.Blobs.BlobClientOptions;
using SdkBlobServiceClient = Azure.Storage.Blobs.BlobServiceClient;
using SdkQueueClientOptions = Azure.Storage.Queues.QueueClientOptions;
using SdkQueueServiceClient = Azure.Storage.Queues.QueueServiceClient;
using SdkTableClientOptions = Azure.Data.Tables.TableClientOptions;
using SdkTableServiceClient = Azure.Data.Tables.TableServiceClient;

namespace ChurnFunctions.Storage;

/// <summary>
/// The entry point to the storage adapter's clients: the three SDK service clients of one account, and our table,
/// queue and container wrappers over them, cached by name (one SDK client per table, queue and container). The app
/// gets it from DI (<see cref="ServiceCollectionExtensions.AddChurnStorage"/>, the SDK clients registered with
/// Microsoft.Extensions.Azure); tools, tests and benchmarks build it from a connection string with
/// <see cref="FromConnectionString"/>. Both resolve the settings through <see cref="StorageClients"/>.
/// </summary>
public sealed class StorageAccount : IDisposable
{
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BlobClient> _containers = new(StringComparer.Ordinal);
    private readonly int _attempts;

    /// <summary>An account over SDK clients built elsewhere; <paramref name="maxRetries"/> is what their retry policy allows.</summary>
    public StorageAccount(SdkTableServiceClient tables, SdkQueueServiceClient queues, SdkBlobServiceClient blobs, int maxRetries)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(blobs);
        TableService = tables;
        QueueService = queues;
        BlobService = blobs;
        _attempts = maxRetries + 1;
    }

    public SdkTableServiceClient TableService { get; }

    public SdkQueueServiceClient QueueService { get; }

    public SdkBlobServiceClient BlobService { get; }

    /// <summary>An account from a connection string, without DI. <paramref name="configure"/> adjusts retry settings.</summary>
    public static StorageAccount FromConnectionString(
        string connectionString, Action<StorageOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new StorageOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        return Create(options, loggerFactory);
    }

    /// <summary>An account as <paramref name="options"/> describe it (connection string or identity-based).</summary>
    public static StorageAccount Create(StorageOptions options, ILoggerFactory? loggerFactory = null, TokenCredential? credential = null) =>
        Create(options, credential, transport: null, loggerFactory?.CreateLogger<StorageAccount>());

    /// <summary>The same, over <paramref name="transport"/> (tests: a stub in place of the network).</summary>
    internal static StorageAccount Create(StorageOptions options, TokenCredential? credential, HttpPipelineTransport? transport, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (credential is null && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            credential = StorageClients.CreateCredential(options, transport);
        }

        return new StorageAccount(
            StorageClients.CreateTableServiceClient(options, credential, WithTransport(new SdkTableClientOptions(), transport), logger),
            StorageClients.CreateQueueServiceClient(options, credential, WithTransport(new SdkQueueClientOptions(), transport), logger),
            StorageClients.CreateBlobServiceClient(options, credential, WithTransport(new SdkBlobClientOptions(), transport), logger),
            options.MaxRetries);
    }

    /// <summary>The table service of the account: which tables it holds.</summary>
    public Tables.TableServiceClient GetTableServiceClient() => new(TableService, _attempts);

    /// <summary>The blob service of the account: which containers it holds.</summary>
    public Blobs.BlobServiceClient GetBlobServiceClient() => new(BlobService, _attempts);

    public TableClient GetTableClient(string tableName) =>
        _tables.GetOrAdd(tableName, static (name, self) => new TableClient(self.TableService.GetTableClient(name), self._attempts), this);

    public QueueClient GetQueueClient(string queueName) =>
        _queues.GetOrAdd(queueName, static (name, self) => new QueueClient(self.QueueService.GetQueueClient(name), self._attempts), this);

    public BlobClient GetBlobClient(string containerName) =>
        _containers.GetOrAdd(containerName, static (name, self) => new BlobClient(self.BlobService.GetBlobContainerClient(name), self._attempts), this);

    /// <summary>Nothing to release: the SDK clients share Azure.Core's pooled transport. Kept so callers can scope an account.</summary>
    public void Dispose()
    {
    }

    private static T WithTransport<T>(T options, HttpPipelineTransport? transport)
        where T : ClientOptions
    {
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }
}
