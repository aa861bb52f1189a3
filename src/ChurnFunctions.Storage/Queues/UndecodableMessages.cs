using Azure.Storage.Queues;
using SdkQueueMessage = Azure.Storage.Queues.Models.QueueMessage;

namespace ChurnFunctions.Storage.Queues;

/// <summary>
/// Messages the SDK could not base64-decode (another writer put plain text on the queue). The SDK leaves them out of
/// the receive and hands them, raw, to <see cref="QueueClientOptions.MessageDecodingFailed"/>; this collects them for
/// the receive in flight, so that the caller gets them as they are and can poison them, instead of seeing them come
/// back hidden-then-visible forever.
/// </summary>
internal static class UndecodableMessages
{
    private static readonly AsyncLocal<List<SdkQueueMessage>?> Collected = new();

    /// <summary>Starts collecting for the receive that follows in this async flow; the list fills as it runs.</summary>
    public static List<SdkQueueMessage> Collect()
    {
        var list = new List<SdkQueueMessage>();
        Collected.Value = list;
        return list;
    }

    public static Task OnDecodingFailed(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is { } message && Collected.Value is { } list)
        {
            lock (list)
            {
                list.Add(message);
            }
        }

        return Task.CompletedTask;
    }
}
