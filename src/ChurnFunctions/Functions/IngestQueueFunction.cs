using ChurnFunctions.Core.Ingest;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>
/// The ingest queue: each message goes to <see cref="IngestMessageHandler"/>. A failure propagates, so the host retries
/// the message up to host.json's maxDequeueCount; the handler itself moves a message to the poison queue on its last
/// allowed attempt, so it needs the attempt number.
/// </summary>
public sealed class IngestQueueFunction(IngestMessageHandler handler)
{
    // dequeueCount is the trigger's DequeueCount metadata (a long in the Storage Queues extension 5.x), bound by name.
    [Function("IngestQueue")]
    public async Task Run(
        [QueueTrigger(Triggers.IngestQueue, Connection = Triggers.StorageConnection)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(message, dequeueCount, cancellationToken);
}
