using System.Net;
using System.Text;
using Azure;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Connection;
using SdkQueueClient = Azure.Storage.Queues.QueueClient;
using SdkQueueMessage = Azure.Storage.Queues.Models.QueueMessage;

namespace ChurnFunctions.Storage.Queues;

/// <summary>
/// One queue, over the SDK's <see cref="SdkQueueClient"/> with base64 message encoding: message text is UTF-8,
/// base64 on the wire exactly as the Functions queue trigger reads it, and decoded on receive (a message that is not
/// base64, put there by another writer, is returned as it is, see <see cref="UndecodableMessages"/>). 404 on delete
/// comes back as false.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The largest message the service takes, counted as the base64 text: 48 KiB of UTF-8 before encoding.</summary>
    public const int MaxEncodedLength = 64 * 1024;

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private readonly SdkQueueClient _queue;
    private readonly int _attempts;

    internal QueueClient(SdkQueueClient queue, int attempts)
    {
        _queue = queue;
        _attempts = attempts;
    }

    public string Name => _queue.Name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        RunAsync("CreateQueue", (queue, ct) => queue.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);

    public Task<bool> DeleteQueueAsync(CancellationToken cancellationToken) =>
        RunAsync("DeleteQueue", async (queue, ct) => (await queue.DeleteIfExistsAsync(ct).ConfigureAwait(false)).Value, cancellationToken);

    /// <summary>
    /// Puts a message that never expires, invisible for <paramref name="visibilityDelay"/> if given.
    /// Returns the message id. A retried put may store the message twice: consumers must be idempotent anyway.
    /// </summary>
    public Task<string> SendAsync(string text, TimeSpan? visibilityDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encodedLength = (Encoding.UTF8.GetByteCount(text) + 2) / 3 * 4;
        if (encodedLength > MaxEncodedLength)
        {
            throw new ArgumentException($"The message is {encodedLength} characters once base64-encoded; a queue message holds {MaxEncodedLength}.", nameof(text));
        }

        return RunAsync("SendMessage", async (queue, ct) =>
        {
            var receipt = await queue.SendMessageAsync(text, visibilityDelay is { } delay ? WholeSeconds(delay) : null, NeverExpires, ct).ConfigureAwait(false);
            return receipt.Value.MessageId;
        }, cancellationToken);
    }

    /// <summary>Takes up to <paramref name="maxMessages"/> (1 to 32) messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        return RunAsync<IReadOnlyList<QueueMessage>>("ReceiveMessages", async (queue, ct) =>
        {
            var undecodable = UndecodableMessages.Collect();
            var received = await queue.ReceiveMessagesAsync(maxMessages, WholeSeconds(visibilityTimeout), ct).ConfigureAwait(false);
            return [.. received.Value.Select(m => Read(m, m.Body.ToString())), .. undecodable.Select(m => Read(m, m.Body.ToString()))];
        }, cancellationToken);
    }

    /// <summary>Deletes a received message; false when it is gone already (or the pop receipt is stale).</summary>
    public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken) =>
        RunAsync("DeleteMessage", async (queue, ct) =>
        {
            try
            {
                await queue.DeleteMessageAsync(messageId, popReceipt, ct).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                return false;
            }
        }, cancellationToken);

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> more, its text unchanged; returns the new pop receipt.</summary>
    public Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        RunAsync("UpdateMessage", async (queue, ct) =>
        {
            var receipt = await queue.UpdateMessageAsync(messageId, popReceipt, (BinaryData?)null, WholeSeconds(visibilityTimeout), ct).ConfigureAwait(false);
            return receipt.Value.PopReceipt;
        }, cancellationToken);

    /// <summary>Removes every message.</summary>
    public Task ClearAsync(CancellationToken cancellationToken) =>
        RunAsync("ClearMessages", (queue, ct) => queue.ClearMessagesAsync(ct), cancellationToken);

    /// <summary>The service's approximate count of messages (visible or not).</summary>
    public Task<int> GetApproximateCountAsync(CancellationToken cancellationToken) =>
        RunAsync("GetProperties", async (queue, ct) => (await queue.GetPropertiesAsync(ct).ConfigureAwait(false)).Value.ApproximateMessagesCount, cancellationToken);

    private static QueueMessage Read(SdkQueueMessage message, string text) =>
        new(message.MessageId, message.PopReceipt, message.DequeueCount, text, message.InsertedOn);

    // The service counts whole seconds; rounding up keeps a message hidden at least as long as asked.
    private static TimeSpan WholeSeconds(TimeSpan span) => TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, span.TotalSeconds)));

    private async Task<T> RunAsync<T>(string operation, Func<SdkQueueClient, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var call = StorageCall.Begin(StorageService.Queue, operation, Name);
        try
        {
            return await action(_queue, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageCall.IsStorageFailure(ex, cancellationToken))
        {
            throw call.Failed(ex, _attempts);
        }
    }
}
