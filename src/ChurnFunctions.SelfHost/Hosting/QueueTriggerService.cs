using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Telemetry;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// Listens on one queue with the semantics of the Functions queue trigger. It fetches up to
/// <see cref="QueueListenerOptions.BatchSize"/> messages, handles them concurrently, and fetches again (only as many
/// as there is room for) once no more than the new batch threshold are in flight, so at most BatchSize messages are
/// in flight. (Functions lets BatchSize + NewBatchThreshold be in flight; this listener is stricter.)
/// A handled message is deleted. A failed one is made visible again after a wait that starts at VisibilityTimeout and
/// doubles with each attempt up to MaxVisibilityTimeout (Functions waits the same VisibilityTimeout each time), or, on its
/// MaxDequeueCount-th attempt, its original text goes to "{queue}-poison" and it is deleted. A message received with
/// a dequeue count already above MaxDequeueCount goes to poison without being handled. While the queue is empty,
/// or unreachable, polls back off from 100 ms, doubling to MaxPollingInterval (to a minute at least when polls fail).
/// Stopping ends fetching and waits for handlers; their token is cancelled only when the host's shutdown timeout runs
/// out, and a message whose handler did not finish is left on the queue for its lease to expire.
/// </summary>
public sealed class QueueTriggerService(
    QueueTriggerRegistration registration,
    QueueListenerOptions options,
    IMessageQueueFactory queues,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<QueueTriggerService> logger) : BackgroundService
{
    /// <summary>The first wait after an empty or failed poll.</summary>
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan MinFailureBackoffCap = TimeSpan.FromMinutes(1);

    private readonly IMessageQueue _queue = queues.Get(registration.QueueName);
    private readonly CancellationTokenSource _abort = new();
    private volatile bool _poisonQueueCreated;

    public string QueueName => registration.QueueName;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Returns when the handlers have finished, or when the host cancels the token because its shutdown timeout
        // ran out: only then are the handlers told to give up.
        await base.StopAsync(cancellationToken);
        if (cancellationToken.IsCancellationRequested)
        {
            await _abort.CancelAsync();
        }
    }

    public override void Dispose()
    {
        _abort.Cancel();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var threshold = Math.Min(options.EffectiveNewBatchThreshold, options.BatchSize - 1);
        logger.QueueListening(QueueName, options.BatchSize, threshold, options.MaxDequeueCount);

        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStop = stoppingToken.Register(static s => ((TaskCompletionSource)s!).TrySetResult(), stopping);
        var failureCap = options.MaxPollingInterval > MinFailureBackoffCap ? options.MaxPollingInterval : MinFailureBackoffCap;
        var idleDelay = MinPollingInterval;
        var failureDelay = MinPollingInterval;
        var queueCreated = false;
        var inFlight = new List<Task>();

        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<QueueMessage> batch;
            try
            {
                if (!queueCreated)
                {
                    await _queue.CreateIfNotExistsAsync(stoppingToken);
                    queueCreated = true;
                }

                // Untraced: an idle listener polls every few seconds, and those spans would bury the ones that matter.
                using (SuppressInstrumentationScope.Begin())
                {
                    batch = await _queue.ReceiveAsync(options.BatchSize - inFlight.Count, options.MessageLease, stoppingToken);
                }

                failureDelay = MinPollingInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.QueueUnavailable(QueueName, failureDelay, e);
                await DelayAsync(failureDelay, stoppingToken);
                failureDelay = Double(failureDelay, failureCap);
                continue;
            }

            if (batch.Count == 0)
            {
                await DelayAsync(idleDelay, stoppingToken);
                idleDelay = Double(idleDelay, options.MaxPollingInterval);
                continue;
            }

            idleDelay = MinPollingInterval;
            foreach (var message in batch)
            {
                inFlight.Add(Task.Run(() => ProcessAsync(message), CancellationToken.None));
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            while (inFlight.Count > threshold && !stoppingToken.IsCancellationRequested)
            {
                await Task.WhenAny(inFlight.Append(stopping.Task));
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        inFlight.RemoveAll(t => t.IsCompleted);
        logger.QueueStopping(QueueName, inFlight.Count);
        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueMessage message)
    {
        var token = _abort.Token;
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                logger.MessageOverDequeued(message.MessageId, QueueName, message.DequeueCount, options.MaxDequeueCount, registration.PoisonQueueName);
                await MoveToPoisonAsync(message, token);
                return;
            }

            Exception? failure = null;
            var aborted = false;
            using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(token);
            var renewal = RenewLeaseAsync(message, stopRenewing.Token, token);
            using (var activity = ChurnTelemetry.StartQueueMessage(QueueName, message.MessageId, message.DequeueCount))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await registration.Handler(scope.ServiceProvider, message, token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    aborted = true;
                }
                catch (Exception e)
                {
                    failure = e;
                    activity.Fail(e);
                }
                finally
                {
                    await stopRenewing.CancelAsync();
                }
            }

            var leased = await renewal;
            if (aborted)
            {
                logger.MessageAbandoned(message.MessageId, QueueName);
            }
            else if (failure is null)
            {
                await _queue.DeleteAsync(leased, token);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                // Types, not the message: a third-party exception may quote an email or phone it was given.
                logger.MessagePoisoned(message.MessageId, QueueName, message.DequeueCount, ExceptionTypeLogger.TypeChain(failure), registration.PoisonQueueName);
                await MoveToPoisonAsync(leased, token);
            }
            else
            {
                var delay = RetryBackoff.Delay(options.VisibilityTimeout, options.MaxVisibilityTimeout, message.DequeueCount);
                logger.MessageFailed(message.MessageId, QueueName, message.DequeueCount, options.MaxDequeueCount, ExceptionTypeLogger.TypeChain(failure), delay);
                await _queue.UpdateVisibilityAsync(leased, delay, token);
            }
        }
        catch (Exception e)
        {
            // The queue refused the delete, release or poison move; the message's lease runs out and it comes back.
            logger.MessageSettleFailed("settle", message.MessageId, QueueName, e);
        }
    }

    /// <summary>Keeps the message invisible while its handler runs; returns the message with its latest pop receipt.</summary>
    private async Task<QueueMessage> RenewLeaseAsync(QueueMessage message, CancellationToken stopRenewing, CancellationToken abort)
    {
        var current = message;
        while (true)
        {
            try
            {
                await Task.Delay(options.MessageLease / 2, time, stopRenewing);
            }
            catch (OperationCanceledException)
            {
                return current;
            }

            try
            {
                // Not cancelled by stopRenewing: a renewal cut short might leave us without the receipt it issued.
                var receipt = await _queue.UpdateVisibilityAsync(current, options.MessageLease, abort);
                current = current with { PopReceipt = receipt };
            }
            catch (Exception e) when (!abort.IsCancellationRequested)
            {
                logger.LeaseRenewalFailed(message.MessageId, QueueName, e);
            }
            catch (Exception)
            {
                return current;
            }
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = queues.Get(registration.PoisonQueueName);
        if (!_poisonQueueCreated)
        {
            await poison.CreateIfNotExistsAsync(cancellationToken);
            _poisonQueueCreated = true;
        }

        await poison.SendAsync(message.Text, null, cancellationToken);
        await _queue.DeleteAsync(message, cancellationToken);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the loop ends.
        }
    }

    private static TimeSpan Double(TimeSpan delay, TimeSpan cap) => delay * 2 < cap ? delay * 2 : cap;
}
