namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// A wake-up arrived before the state write that names it (the runner queues the wake-up first). Thrown so the queue
/// delivers the message again after its retry delay; once the message is older than <see cref="Grace"/> it is dropped
/// as stale instead, well before the listener's default five attempts (10, 20, 40 s apart) would poison it.
/// </summary>
public sealed class WakeUpAheadOfStateException(string instanceId, DateTimeOffset dueAt)
    : InvalidOperationException($"The wake-up of instance {instanceId} due {dueAt:O} came before the state that names it; it will be delivered again.")
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
}
