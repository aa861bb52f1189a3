using ChurnFunctions.Core.Ingest;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>
/// The ingest queue: each message goes to <see cref="IngestMessageHandler"/>. host.json's visibilityTimeout is one fixed
/// wait for every retry and the isolated worker cannot set it per message, so the handler itself puts a failed delivery
/// back with a growing delay and completes; it poisons on the last allowed attempt, so it needs the dequeue count. A
/// failure that still propagates (the put-back failed) is retried by the host up to host.json's maxDequeueCount.
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
