using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Storage;

/// <summary>
/// Recurring log events of the storage adapter. A request is named by its operation and resource (table, queue,
/// container and blob): never a query string (it may hold a SAS) nor an entity's keys (identity keys are emails and phones).
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Storage {Service} {Operation} {Resource} failed with {Outcome}; retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryingRequest(
        ILogger logger, StorageService service, string operation, string resource, string outcome, int attempt, double delayMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Storage {Service} resource {Name} is ready")]
    public static partial void ResourceReady(ILogger logger, StorageService service, string name);
}
