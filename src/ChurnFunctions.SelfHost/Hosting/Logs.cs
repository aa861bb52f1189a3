using Microsoft.Extensions.Logging;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>The trigger runtime's log events. Message bodies are never logged; failures by type and message.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Timer {TimerName} runs on {Schedule} (UTC); next occurrences {NextOccurrences}")]
    public static partial void TimerScheduled(this ILogger logger, string timerName, string schedule, IReadOnlyList<DateTimeOffset> nextOccurrences);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Timer {TimerName} running for {ScheduledAt:O} (past due: {IsPastDue})")]
    public static partial void TimerRunning(this ILogger logger, string timerName, DateTimeOffset scheduledAt, bool isPastDue);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "Timer {TimerName} failed for {ScheduledAt:O}; it runs again at its next occurrence")]
    public static partial void TimerFailed(this ILogger logger, string timerName, DateTimeOffset scheduledAt, Exception exception);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Timer {TimerName} finished the run for {ScheduledAt:O}; next at {NextAt:O}")]
    public static partial void TimerFinished(this ILogger logger, string timerName, DateTimeOffset scheduledAt, DateTimeOffset nextAt);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Timer {TimerName} skips {ScheduledAt:O}: another process holds its lease")]
    public static partial void TimerHeldElsewhere(this ILogger logger, string timerName, DateTimeOffset scheduledAt);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information, Message = "Timer {TimerName} skips {ScheduledAt:O}: another process ran it (last run recorded {LastRun:O})")]
    public static partial void TimerAlreadyRan(this ILogger logger, string timerName, DateTimeOffset scheduledAt, DateTimeOffset lastRun);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Error, Message = "Timer {TimerName} skips {ScheduledAt:O}: its lease could not be taken")]
    public static partial void TimerLeaseUnavailable(this ILogger logger, string timerName, DateTimeOffset scheduledAt, Exception exception);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Warning, Message = "Timer {TimerName} could not renew its lease; trying again")]
    public static partial void TimerLeaseRenewalFailed(this ILogger logger, string timerName, Exception exception);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Error, Message = "Timer {TimerName} lost its lease (run for {ScheduledAt:O}); the job is cancelled or its run not recorded")]
    public static partial void TimerLeaseLost(this ILogger logger, string timerName, DateTimeOffset scheduledAt);

    [LoggerMessage(EventId = 7110, Level = LogLevel.Warning, Message = "Timer {TimerName} could not release its lease; it runs out on its own")]
    public static partial void TimerLeaseReleaseFailed(this ILogger logger, string timerName, Exception exception);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Warning, Message = "Timer {TimerName} could not record its run for {ScheduledAt:O}; another process may run it again")]
    public static partial void TimerRecordFailed(this ILogger logger, string timerName, DateTimeOffset scheduledAt, Exception exception);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Listening on queue {QueueName} (batch size {BatchSize}, new batch threshold {NewBatchThreshold}, max dequeue count {MaxDequeueCount})")]
    public static partial void QueueListening(this ILogger logger, string queueName, int batchSize, int newBatchThreshold, int maxDequeueCount);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Queue {QueueName} is unavailable; retrying in {RetryDelay}")]
    public static partial void QueueUnavailable(this ILogger logger, string queueName, TimeSpan retryDelay, Exception exception);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Warning, Message = "Message {MessageId} on queue {QueueName} failed on attempt {DequeueCount} of {MaxDequeueCount} with {ExceptionTypes}; retrying after {VisibilityTimeout}")]
    public static partial void MessageFailed(this ILogger logger, string messageId, string queueName, long dequeueCount, int maxDequeueCount, string exceptionTypes, TimeSpan visibilityTimeout);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Error, Message = "Message {MessageId} on queue {QueueName} failed on its last attempt ({DequeueCount}) with {ExceptionTypes}; moving it to {PoisonQueueName}")]
    public static partial void MessagePoisoned(this ILogger logger, string messageId, string queueName, long dequeueCount, string exceptionTypes, string poisonQueueName);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Error, Message = "Message {MessageId} on queue {QueueName} arrived with dequeue count {DequeueCount}, above {MaxDequeueCount}; moving it to {PoisonQueueName} without handling it")]
    public static partial void MessageOverDequeued(this ILogger logger, string messageId, string queueName, long dequeueCount, int maxDequeueCount, string poisonQueueName);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Warning, Message = "Could not {Action} message {MessageId} on queue {QueueName}; it becomes visible again when its lease ends")]
    public static partial void MessageSettleFailed(this ILogger logger, string action, string messageId, string queueName, Exception exception);

    [LoggerMessage(EventId = 7207, Level = LogLevel.Warning, Message = "Could not renew the lease of message {MessageId} on queue {QueueName}")]
    public static partial void LeaseRenewalFailed(this ILogger logger, string messageId, string queueName, Exception exception);

    [LoggerMessage(EventId = 7208, Level = LogLevel.Warning, Message = "Message {MessageId} on queue {QueueName} was still being handled when the shutdown timeout ran out; it stays on the queue")]
    public static partial void MessageAbandoned(this ILogger logger, string messageId, string queueName);

    [LoggerMessage(EventId = 7209, Level = LogLevel.Information, Message = "Queue {QueueName} listener stopping; waiting for {InFlight} message(s) in flight")]
    public static partial void QueueStopping(this ILogger logger, string queueName, int inFlight);
}
