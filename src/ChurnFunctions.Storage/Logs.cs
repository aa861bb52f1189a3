using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Storage;

/// <summary>Recurring log events of the storage adapter. Paths only: never a query string (it may hold a SAS).</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Storage {Service} {Method} {Path} failed with {Outcome}; retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryingRequest(
        ILogger logger, StorageService service, string method, string path, string outcome, int attempt, double delayMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Storage {Service} resource {Name} is ready")]
    public static partial void ResourceReady(ILogger logger, StorageService service, string name);
}
