using System.Collections.Concurrent;
using Azure.Core;
using ChurnFunctions.Storage.Blobs;
using ChurnFunctions.Storage.Connection;
using ChurnFunctions.Storage.Http;
using ChurnFunctions.Storage.Queues;
using ChurnFunctions.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Storage;

/// <summary>
/// The entry point to the raw clients: one storage account, one shared HttpClient with pooled connections and the
/// retry policy. The app gets it from DI (<see cref="ServiceCollectionExtensions.AddChurnStorage"/>); tools and
/// benchmarks build it from a connection string with <see cref="FromConnectionString"/>. Clients are cached by name.
/// </summary>
public sealed class StorageAccount : IDisposable
{
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BlobClient> _containers = new(StringComparer.Ordinal);

    internal StorageAccount(StorageHttp http) => Http = http;

    public StorageConnection Connection => Http.Connection;

    internal StorageHttp Http { get; }

    /// <summary>An account from a connection string, without DI. <paramref name="configure"/> adjusts pool and retry settings.</summary>
    public static StorageAccount FromConnectionString(
        string connectionString, Action<StorageOptions>? configure = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var options = new StorageOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        return Create(options, loggerFactory, timeProvider);
    }

    /// <summary>An account as <paramref name="options"/> describe it (connection string or identity-based).</summary>
    public static StorageAccount Create(
        StorageOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = StorageConnection.FromOptions(options, credential, timeProvider);
        return new StorageAccount(new StorageHttp(connection, options, loggerFactory?.CreateLogger<StorageAccount>(), timeProvider));
    }

    internal static StorageAccount Create(
        StorageConnection connection, StorageOptions options, HttpMessageHandler handler, TimeProvider? timeProvider = null, ILogger? logger = null) =>
        new(new StorageHttp(connection, options, logger, timeProvider, handler));

    /// <summary>The table service of the account: which tables it holds.</summary>
    public TableServiceClient GetTableServiceClient() => new(Http);

    /// <summary>The blob service of the account: which containers it holds.</summary>
    public BlobServiceClient GetBlobServiceClient() => new(Http);

    public TableClient GetTableClient(string tableName) => _tables.GetOrAdd(tableName, static (n, http) => new TableClient(http, n), Http);

    public QueueClient GetQueueClient(string queueName) => _queues.GetOrAdd(queueName, static (n, http) => new QueueClient(http, n), Http);

    public BlobClient GetBlobClient(string containerName) => _containers.GetOrAdd(containerName, static (n, http) => new BlobClient(http, n), Http);

    public void Dispose() => Http.Dispose();
}
