using DurableTask.AzureStorage;
using DurableTask.Core;

namespace ChurnFunctions.Functions.Tests.Durable.Hosting;

/// <summary>The Durable Task Azure Storage backend (what Durable Functions runs on by default) over a storage account.</summary>
public static class AzureStorageBackend
{
    /// <summary>
    /// A task hub of its own on <paramref name="connectionString"/>, created before it is returned. Queues are polled at
    /// most every 500 ms (the default backs off to 30 s, which would make a quiet test wait on polling, not on work).
    /// </summary>
    public static async Task<IOrchestrationService> CreateAsync(string connectionString, string taskHub, int partitions = 4)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            PartitionCount = partitions,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            WorkerId = "tests-" + Environment.ProcessId,
        });
        await service.CreateIfNotExistsAsync();
        return service;
    }

    /// <summary>A task hub name (letters and digits, starting with a letter) unique to this run.</summary>
    public static string NewTaskHubName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}
