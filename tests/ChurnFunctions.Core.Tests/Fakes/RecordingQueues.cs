using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Tests.Fakes;

/// <summary>Queues that record what was sent, and can be made to fail like an unreachable storage account.</summary>
internal sealed class RecordingQueues : IMessageQueueFactory
{
    private readonly ConcurrentDictionary<string, RecordingQueue> queues = new();

    public bool Fail { get; set; }

    public IMessageQueue Get(string queueName) => queues.GetOrAdd(queueName, name => new RecordingQueue(name, this));

    public IReadOnlyList<string> Sent(string queueName) => [.. SentWithDelays(queueName).Select(m => m.Text)];

    public IReadOnlyList<(string Text, TimeSpan? Delay)> SentWithDelays(string queueName) =>
        queues.TryGetValue(queueName, out var q) ? [.. q.Messages] : [];

    private sealed class RecordingQueue(string name, RecordingQueues owner) : IMessageQueue
    {
        public ConcurrentQueue<(string Text, TimeSpan? Delay)> Messages { get; } = new();

        public string Name => name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SendAsync(string text, TimeSpan? visibilityDelay, CancellationToken cancellationToken)
        {
            if (owner.Fail)
            {
                throw new HttpRequestException("Connection refused");
            }

            Messages.Enqueue((text, visibilityDelay));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
