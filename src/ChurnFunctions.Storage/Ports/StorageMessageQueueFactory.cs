using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Storage.Ports;

/// <summary>One <see cref="StorageMessageQueue"/> per name, kept so each queue is created once.</summary>
public sealed class StorageMessageQueueFactory(StorageAccount account) : IMessageQueueFactory
{
    private readonly ConcurrentDictionary<string, StorageMessageQueue> _queues = new(StringComparer.Ordinal);

    public IMessageQueue Get(string queueName) =>
        _queues.GetOrAdd(queueName, static (name, a) => new StorageMessageQueue(a.GetQueueClient(name)), account);
}
