using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Storage;

/// <summary>
/// Recurring log events of the storage adapter. A request is named by its operation and resource (table, queue,
/// container): never a URL (a table entity's URL holds its keys, and identity keys are emails and phones).
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Storage {Service} {Operation} {Resource} failed with {Outcome}; retry {Attempt}")]
    public static partial void RetryingRequest(ILogger logger, string service, string operation, string resource, string outcome, int attempt);
}
