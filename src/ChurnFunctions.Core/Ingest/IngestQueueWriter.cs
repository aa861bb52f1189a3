using System.Text;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Puts envelopes on the ingest queue, several to one message when deliveries arrive faster than puts complete: at
/// most <see cref="IngestOptions.MaxParallelEnqueues"/> puts are in flight, and what arrives meanwhile leaves together
/// in the next one, up to <see cref="IngestOptions.MaxInlineBytes"/>. A quiet queue gets one message per delivery and
/// no added wait; a burst costs a fraction of the puts, gets and deletes, and leaves a shorter backlog (queue storage
/// counts, bills and throttles per message). A caller returns once the message holding its envelope is on the queue,
/// so an accepted webhook is still a queued one.
/// </summary>
public sealed class IngestQueueWriter(IMessageQueueFactory queues, IOptions<IngestOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _pending = new();
    private int _putsInFlight;

    /// <summary>Completes when the envelope is on the queue; fails with the put's error, or when the caller gives up.</summary>
    public Task WriteAsync(string envelopeText, CancellationToken cancellationToken)
    {
        var pending = new Pending(envelopeText, Encoding.UTF8.GetByteCount(envelopeText), cancellationToken);
        bool startPutting;
        lock (_gate)
        {
            _pending.Enqueue(pending);
            startPutting = _putsInFlight < options.Value.MaxParallelEnqueues;
            if (startPutting)
            {
                _putsInFlight++;
            }
        }

        if (startPutting)
        {
            _ = PutWhilePendingAsync();
        }

        return pending.Queued.Task.WaitAsync(cancellationToken);
    }

    private async Task PutWhilePendingAsync()
    {
        var queue = queues.Get(Triggers.Triggers.IngestQueue);
        while (Take() is { Count: > 0 } batch)
        {
            // Not any one caller's token: the put serves them all, and the timeout keeps it from outliving their wait.
            using var timeout = new CancellationTokenSource(options.Value.EnqueueTimeout);
            try
            {
                await queue.SendAsync(IngestEnvelopeSerializer.Combine(batch.Select(p => p.Text)), null, timeout.Token);
                batch.ForEach(p => p.Queued.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(p => p.Fail(ex));
            }
        }
    }

    /// <summary>The next message's envelopes, oldest first; none ends this putter (counted out under the same lock).</summary>
    private List<Pending> Take()
    {
        var batch = new List<Pending>();
        lock (_gate)
        {
            var bytes = 2;
            while (_pending.TryPeek(out var next))
            {
                if (next.Cancellation.IsCancellationRequested)
                {
                    // The caller has answered already (503): the platform will send it again, so it is not put.
                    _pending.Dequeue().Fail(new OperationCanceledException(next.Cancellation));
                    continue;
                }

                if (batch.Count > 0 && bytes + next.Bytes + 1 > options.Value.MaxInlineBytes)
                {
                    break;
                }

                batch.Add(_pending.Dequeue());
                bytes += next.Bytes + 1;
            }

            if (batch.Count == 0)
            {
                _putsInFlight--;
            }
        }

        return batch;
    }

    private sealed record Pending(string Text, int Bytes, CancellationToken Cancellation)
    {
        public TaskCompletionSource Queued { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // A caller that stopped waiting does not observe the task: a cancellation then leaves no unobserved exception.
        public void Fail(Exception error)
        {
            if (Cancellation.IsCancellationRequested)
            {
                Queued.TrySetCanceled(Cancellation);
            }
            else
            {
                Queued.TrySetException(error);
            }
        }
    }
}
