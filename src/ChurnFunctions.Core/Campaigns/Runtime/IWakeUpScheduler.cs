namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// Delivers a <see cref="WakeUpMessage"/> to <see cref="CampaignRunner.HandleWakeUpAsync"/> at (or after) its due
/// time: a queue message with a visibility delay. At least once: the runner drops early, stale and repeated ones.
/// </summary>
public interface IWakeUpScheduler
{
    Task ScheduleAsync(WakeUpMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers a batch of starts to <see cref="CampaignRunner.HandleStartsAsync"/> now, at least once.</summary>
    Task QueueStartsAsync(StartBatchMessage batch, CancellationToken cancellationToken);
}
