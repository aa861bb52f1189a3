using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

public sealed class InMemoryMessageQueueFactory(TimeProvider time) : IMessageQueueFactory
{
    private readonly ConcurrentDictionary<string, InMemoryMessageQueue> _queues = new(StringComparer.Ordinal);

    public InMemoryMessageQueue this[string queueName] => _queues.GetOrAdd(queueName, n => new InMemoryMessageQueue(n, time));

    public IMessageQueue Get(string queueName) => this[queueName];
}
