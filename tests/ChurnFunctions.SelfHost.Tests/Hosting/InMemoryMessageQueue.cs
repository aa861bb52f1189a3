using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

/// <summary>
/// A storage queue in memory, on the injected clock: receiving hides a message for the visibility timeout and counts
/// the dequeue; delete and update need the latest pop receipt; a hidden message comes back when its time is up.
/// Tests wait for its state with <see cref="WaitUntilAsync"/>, which re-checks on every change.
/// </summary>
public sealed class InMemoryMessageQueue(string name, TimeProvider time) : IMessageQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<ReceiveCall> _receives = [];
    private readonly List<(Func<InMemoryMessageQueue, bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private int _nextId;

    public string Name => name;

    public bool Created { get; private set; }

    /// <summary>Messages handed out by receives.</summary>
    public int Received { get; private set; }

    /// <summary>
    /// Received messages whose processing has ended: deleted, or made visible with a timeout other than the one they
    /// were received with (an update with the same timeout is taken for a lease renewal).
    /// </summary>
    public int Settled { get; private set; }

    /// <summary>How many of the next receives throw, as during a storage outage.</summary>
    public int FailingReceives { get; set; }

    public IReadOnlyList<ReceiveCall> Receives
    {
        get
        {
            lock (_gate)
            {
                return [.. _receives];
            }
        }
    }

    public IReadOnlyList<StoredMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Select(e => new StoredMessage(e.Id, e.Text, e.DequeueCount, e.VisibleAt, e.PopReceipt))];
            }
        }
    }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        Mutate(() => Created = true);
        return Task.CompletedTask;
    }

    public Task SendAsync(string text, TimeSpan? visibilityDelay, CancellationToken cancellationToken)
    {
        Seed(text, dequeueCount: 0, visibilityDelay);
        return Task.CompletedTask;
    }

    /// <summary>Adds a message as if it had been received <paramref name="dequeueCount"/> times already.</summary>
    public string Seed(string text, long dequeueCount = 0, TimeSpan? visibilityDelay = null)
    {
        var now = time.GetUtcNow();
        string id = "";
        Mutate(() =>
        {
            id = $"m{++_nextId}";
            _entries.Add(new Entry(id, text, now) { DequeueCount = dequeueCount, VisibleAt = now + (visibilityDelay ?? TimeSpan.Zero) });
        });
        return id;
    }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "A storage queue receives 1 to 32 messages.");
        }

        var now = time.GetUtcNow();
        IReadOnlyList<QueueMessage> received = [];
        Exception? failure = null;
        Mutate(() =>
        {
            if (FailingReceives > 0)
            {
                FailingReceives--;
                _receives.Add(new ReceiveCall(now, maxMessages, visibilityTimeout, 0, Failed: true));
                failure = new InvalidOperationException("The storage account is unreachable.");
                return;
            }

            var batch = new List<QueueMessage>();
            foreach (var entry in _entries.Where(e => e.VisibleAt <= now).Take(maxMessages))
            {
                entry.DequeueCount++;
                entry.PopReceipt = Guid.NewGuid().ToString("N");
                entry.VisibleAt = now + visibilityTimeout;
                entry.Lease = visibilityTimeout;
                Received++;
                batch.Add(new QueueMessage(entry.Id, entry.PopReceipt, entry.DequeueCount, entry.Text, entry.InsertedOn));
            }

            _receives.Add(new ReceiveCall(now, maxMessages, visibilityTimeout, batch.Count, Failed: false));
            received = batch;
        });
        return failure is null ? Task.FromResult(received) : Task.FromException<IReadOnlyList<QueueMessage>>(failure);
    }

    public Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Exception? failure = null;
        Mutate(() =>
        {
            var entry = Find(message, out failure);
            if (entry is not null)
            {
                _entries.Remove(entry);
                Settled++;
            }
        });
        return failure is null ? Task.CompletedTask : Task.FromException(failure);
    }

    public Task<string> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        Exception? failure = null;
        var receipt = "";
        Mutate(() =>
        {
            var entry = Find(message, out failure);
            if (entry is not null)
            {
                entry.PopReceipt = receipt = Guid.NewGuid().ToString("N");
                entry.VisibleAt = now + visibilityTimeout;
                if (visibilityTimeout != entry.Lease)
                {
                    Settled++;
                }
            }
        });
        return failure is null ? Task.FromResult(receipt) : Task.FromException<string>(failure);
    }

    /// <summary>Completes when <paramref name="condition"/> holds; fails after a safety timeout.</summary>
    public Task WaitUntilAsync(Func<InMemoryMessageQueue, bool> condition)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, signal));
        }

        return signal.Task.WaitAsync(Safety.Timeout);
    }

    private Entry? Find(QueueMessage message, out Exception? failure)
    {
        var entry = _entries.FirstOrDefault(e => e.Id == message.MessageId);
        failure = entry is null || entry.PopReceipt != message.PopReceipt
            ? new InvalidOperationException($"404 MessageNotFound: {message.MessageId} with that pop receipt is not on {name}.")
            : null;
        return failure is null ? entry : null;
    }

    private void Mutate(Action change)
    {
        lock (_gate)
        {
            change();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(this))
                {
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public sealed record ReceiveCall(DateTimeOffset At, int MaxMessages, TimeSpan VisibilityTimeout, int Returned, bool Failed);

    public sealed record StoredMessage(string Id, string Text, long DequeueCount, DateTimeOffset VisibleAt, string? PopReceipt);

    private sealed class Entry(string id, string text, DateTimeOffset insertedOn)
    {
        public string Id => id;

        public string Text => text;

        public DateTimeOffset InsertedOn => insertedOn;

        public long DequeueCount { get; set; }

        public DateTimeOffset VisibleAt { get; set; }

        public string? PopReceipt { get; set; }

        public TimeSpan? Lease { get; set; }
    }
}
