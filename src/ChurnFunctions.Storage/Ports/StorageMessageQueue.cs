using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Queues;

namespace ChurnFunctions.Storage.Ports;

/// <summary><see cref="IMessageQueue"/> over one <see cref="QueueClient"/>; the queue is created on first use.</summary>
public sealed class StorageMessageQueue : IMessageQueue
{
    private readonly QueueClient _client;
    private readonly CreateOnce _created;

    public StorageMessageQueue(QueueClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _created = new CreateOnce(client.CreateIfNotExistsAsync);
    }

    public string Name => _client.Name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken).AsTask();

    public async Task SendAsync(string text, TimeSpan? visibilityDelay, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _client.SendAsync(text, visibilityDelay, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _client.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the message; one deleted already (or whose pop receipt went stale) is ignored.</summary>
    public Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _client.DeleteAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    public Task<string> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _client.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, visibilityTimeout, cancellationToken);
    }
}
