namespace ChurnFunctions.Core.Ports;

/// <summary>
/// One storage queue. Message text is base64-encoded on the wire, as the Functions queue trigger expects
/// (host.json messageEncoding base64), and decoded on receive.
/// </summary>
public interface IMessageQueue
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);

    Task SendAsync(string text, TimeSpan? visibilityDelay, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken);

    /// <summary>Makes the message visible again after <paramref name="visibilityTimeout"/>; returns the new pop receipt.</summary>
    Task<string> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken);
}
