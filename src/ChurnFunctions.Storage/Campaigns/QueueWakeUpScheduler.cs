using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Triggers;

namespace ChurnFunctions.Storage.Campaigns;

/// <summary>
/// Wake-ups as messages on "campaign-wakeups" (base64 like every queue), invisible until due. A queue message can
/// hide for at most 7 days: later ones arrive early and the runner queues them again for the rest.
/// </summary>
public sealed class QueueWakeUpScheduler(IMessageQueueFactory queues, TimeProvider time) : IWakeUpScheduler
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
    private readonly IMessageQueue queue = queues.Get(Triggers.CampaignWakeUpsQueue);

    public async Task ScheduleAsync(WakeUpMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delay = message.DueAt - time.GetUtcNow();
        await queue.CreateIfNotExistsAsync(cancellationToken);
        await queue.SendAsync(
            message.ToJson(),
            delay <= TimeSpan.Zero ? null : delay > MaxDelay ? MaxDelay : delay,
            cancellationToken);
    }

    public async Task QueueStartsAsync(StartBatchMessage batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await queue.CreateIfNotExistsAsync(cancellationToken);
        await queue.SendAsync(batch.ToJson(), null, cancellationToken);
    }
}
