using ChurnFunctions.Core.Campaigns.Runtime;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>
/// Campaign wake-ups kept in memory by due time for the demo driver to deliver on the simulated clock: a queue's
/// visibility delay is real time, so a simulated three-day wait would take three real days.
/// </summary>
public sealed class InMemoryWakeUpScheduler : IWakeUpScheduler
{
    private readonly PriorityQueue<WakeUpMessage, DateTimeOffset> queue = new();
    private readonly Queue<StartBatchMessage> starts = new();
    private readonly Lock gate = new();

    public Task ScheduleAsync(WakeUpMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            queue.Enqueue(message, message.DueAt);
        }

        return Task.CompletedTask;
    }

    /// <summary>An enrollment's starts: due at once, so the driver starts them before it delivers anything else.</summary>
    public Task QueueStartsAsync(StartBatchMessage batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (gate)
        {
            starts.Enqueue(batch);
        }

        return Task.CompletedTask;
    }

    /// <summary>Removes and returns every start batch queued so far, in order.</summary>
    public IReadOnlyList<StartBatchMessage> TakeStarts()
    {
        lock (gate)
        {
            var taken = starts.ToList();
            starts.Clear();
            return taken;
        }
    }

    /// <summary>The earliest due time waiting, or null when none waits.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (gate)
            {
                return queue.TryPeek(out _, out var due) ? due : null;
            }
        }
    }

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Removes and returns every wake-up due at or before <paramref name="now"/>, earliest first, each once.</summary>
    public IReadOnlyList<WakeUpMessage> TakeDue(DateTimeOffset now)
    {
        var due = new List<WakeUpMessage>();
        var seen = new HashSet<WakeUpMessage>();
        lock (gate)
        {
            while (queue.TryPeek(out var message, out var at) && at <= now)
            {
                queue.Dequeue();
                if (seen.Add(message))
                {
                    due.Add(message);
                }
            }
        }

        return due;
    }
}
