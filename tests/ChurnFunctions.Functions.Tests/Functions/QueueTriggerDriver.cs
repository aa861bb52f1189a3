using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>Plays the Functions host's queue trigger for a test: takes one message off a queue and hands over its text and dequeue count.</summary>
internal static class QueueTriggerDriver
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Waits for the message whose text <paramref name="match"/> accepts (other messages are left visible), runs
    /// <paramref name="handle"/> on it, and deletes it when that succeeds, as the host does.
    /// </summary>
    public static async Task<QueueMessage> TakeAsync(FunctionApp app, string queueName, Func<string, bool> match, Func<QueueMessage, Task> handle)
    {
        var queue = app.Services.GetRequiredService<IMessageQueueFactory>().Get(queueName);
        var message = await WaitForAsync(queue, match);
        await handle(message);
        await queue.DeleteAsync(message, CancellationToken.None);
        return message;
    }

    /// <summary>The ingest message holding <paramref name="marker"/>, handled by IngestQueueFunction as the host binds it.</summary>
    public static Task<QueueMessage> DeliverIngestAsync(FunctionApp app, string marker) =>
        TakeAsync(app, Triggers.IngestQueue, text => text.Contains(marker, StringComparison.Ordinal), message =>
            app.Create<IngestQueueFunction>().Run(message.Text, message.DequeueCount, CancellationToken.None));

    public static Task<QueueMessage> WaitForAsync(IMessageQueue queue, string marker) =>
        WaitForAsync(queue, text => text.Contains(marker, StringComparison.Ordinal));

    /// <summary>The first message <paramref name="match"/> accepts, received (so invisible for a while) but not deleted.</summary>
    public static async Task<QueueMessage> WaitForAsync(IMessageQueue queue, Func<string, bool> match)
    {
        await queue.CreateIfNotExistsAsync(CancellationToken.None);
        var deadline = DateTimeOffset.UtcNow + Guard;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var others = new List<QueueMessage>();
            QueueMessage? found = null;
            foreach (var message in await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30), CancellationToken.None))
            {
                if (found is null && match(message.Text))
                {
                    found = message;
                }
                else
                {
                    others.Add(message);
                }
            }

            foreach (var other in others)
            {
                await queue.UpdateVisibilityAsync(other, TimeSpan.Zero, CancellationToken.None);
            }

            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching message on queue {queue.Name} within {Guard}.");
    }
}
