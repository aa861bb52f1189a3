using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.SelfHost.Hosting;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

public sealed class QueueTriggerServiceTests : IAsyncDisposable
{
    private const string Queue = "ingest";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Start);
    private readonly InMemoryMessageQueueFactory _queues;
    private readonly CapturingLogger<QueueTriggerService> _logger = new();
    private readonly ServiceProvider _services;
    private readonly ConcurrentQueue<(QueueMessage Message, DateTimeOffset At)> _attempts = new();
    private QueueTriggerService? _service;

    public QueueTriggerServiceTests()
    {
        _queues = new InMemoryMessageQueueFactory(_time);
        _services = new ServiceCollection().AddScoped<ScopedThing>().BuildServiceProvider();
    }

    private InMemoryMessageQueue Main => _queues[Queue];

    private InMemoryMessageQueue Poison => _queues[Queue + "-poison"];

    [Fact]
    public async Task Handled_message_is_deleted()
    {
        var handled = new TaskCompletionSource<QueueMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Main.Seed("hello");

        await StartAsync((_, m, _) => { handled.TrySetResult(m); return Task.CompletedTask; });

        var message = await handled.Task.Within();
        await Main.WaitUntilAsync(q => q.Messages.Count == 0);
        Assert.Equal("hello", message.Text);
        Assert.Equal(1, message.DequeueCount);
        Assert.True(Main.Created);
        var first = Main.Receives[0];
        Assert.Equal(16, first.MaxMessages);
        Assert.Equal(TimeSpan.FromMinutes(10), first.VisibilityTimeout);
    }

    [Fact]
    public async Task Failed_message_is_retried_after_the_visibility_timeout()
    {
        Main.Seed("{\"email\":\"someone@example.com\"}");

        await StartAsync(
            (_, m, _) => m.DequeueCount == 1 ? throw new InvalidOperationException("store said no to someone@example.com") : Task.CompletedTask,
            o => o.VisibilityTimeout = TimeSpan.FromSeconds(30));

        await Main.WaitUntilAsync(q => q.Messages is [{ DequeueCount: 1 } m] && m.VisibleAt == Start + TimeSpan.FromSeconds(30));
        await DriveUntilAsync(() => Main.Messages.Count == 0);

        Assert.Equal([1L, 2L], _attempts.Select(a => a.Message.DequeueCount));
        Assert.True(_attempts.Last().At >= Start + TimeSpan.FromSeconds(30));
        Assert.Empty(Poison.Messages);
        var failure = Assert.Single(_logger.WithEventId(7203));
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.State["ExceptionTypes"]);
        // The message may quote personal data; the type is what the log keeps.
        Assert.DoesNotContain(failure.State.Values, v => v?.ToString()?.Contains("store said no", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(_logger.Entries, e => e.Message.Contains("someone@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_retry_of_a_failing_message_waits_twice_as_long_up_to_the_cap()
    {
        Main.Seed("refund before its order");

        await StartAsync(
            (_, _, _) => throw new InvalidOperationException("order not stored yet"),
            o => (o.VisibilityTimeout, o.MaxVisibilityTimeout) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25)));

        await DriveUntilAsync(() => Poison.Messages.Count == 1 && Main.Messages.Count == 0);

        TimeSpan[] waits = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(25)];
        Assert.Equal(waits, _logger.WithEventId(7203).Select(e => (TimeSpan)e.State["VisibilityTimeout"]!));
        var at = _attempts.Select(a => a.At).ToArray();
        Assert.Equal(5, at.Length);
        for (var i = 0; i < waits.Length; i++)
        {
            // The message is visible again after the wait; the next poll (at most 2 s apart here) picks it up.
            Assert.InRange(at[i + 1] - at[i], waits[i], waits[i] + TimeSpan.FromSeconds(2.5));
        }
    }

    [Fact]
    public async Task Message_that_fails_five_times_goes_to_poison_queue()
    {
        Main.Seed("original text");

        await StartAsync((_, _, _) => throw new FormatException("bad payload"));

        await DriveUntilAsync(() => Poison.Messages.Count == 1 && Main.Messages.Count == 0);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], _attempts.Select(a => a.Message.DequeueCount));
        Assert.Equal("original text", Assert.Single(Poison.Messages).Text);
        Assert.True(Poison.Created);
        Assert.Equal(4, _logger.WithEventId(7203).Count);
        var poisoned = Assert.Single(_logger.WithEventId(7204));
        Assert.Equal(LogLevel.Error, poisoned.Level);
        Assert.Equal(typeof(FormatException).FullName, poisoned.State["ExceptionTypes"]);
    }

    [Fact]
    public async Task Message_that_fails_on_the_custom_max_dequeue_count_goes_to_poison_queue()
    {
        Main.Seed("original text");

        await StartAsync((_, _, _) => throw new FormatException("bad payload"), o => o.MaxDequeueCount = 2);

        await DriveUntilAsync(() => Poison.Messages.Count == 1 && Main.Messages.Count == 0);
        Assert.Equal(2, _attempts.Count);
    }

    [Fact]
    public async Task Message_received_above_max_dequeue_count_goes_to_poison_without_running_the_handler()
    {
        Main.Seed("crashed mid-handling", dequeueCount: 5);

        await StartAsync((_, _, _) => Task.CompletedTask);

        await Poison.WaitUntilAsync(q => q.Messages.Count == 1);
        await Main.WaitUntilAsync(q => q.Messages.Count == 0);
        Assert.Empty(_attempts);
        Assert.Equal("crashed mid-handling", Poison.Messages[0].Text);
        var entry = Assert.Single(_logger.WithEventId(7205));
        Assert.Equal(6L, entry.State["DequeueCount"]);
    }

    [Fact]
    public async Task Never_more_than_BatchSize_messages_are_in_flight_and_the_next_fetch_waits_for_the_threshold()
    {
        for (var i = 1; i <= 10; i++)
        {
            Main.Seed($"m{i}");
        }

        var gates = new ConcurrentDictionary<string, TaskCompletionSource>();
        var started = new ConcurrentQueue<string>();
        var startedSignal = new SemaphoreSlim(0);
        int inFlight = 0, maxInFlight = 0;
        await StartAsync(
            async (_, m, _) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                started.Enqueue(m.Text);
                startedSignal.Release();
                await gates.GetOrAdd(m.Text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                Interlocked.Decrement(ref inFlight);
            },
            o => (o.BatchSize, o.NewBatchThreshold) = (4, 2));

        await WaitForStartsAsync(startedSignal, 4);
        Assert.Equal([4], Main.Receives.Select(r => r.MaxMessages));

        Release(gates, "m1");
        await Main.WaitUntilAsync(q => q.Messages.Count == 9);
        Release(gates, "m2");
        await WaitForStartsAsync(startedSignal, 2);

        Assert.Equal([4, 2], Main.Receives.Select(r => r.MaxMessages));
        Assert.Equal(4, Volatile.Read(ref inFlight));

        foreach (var text in Enumerable.Range(1, 10).Select(i => $"m{i}"))
        {
            Release(gates, text);
        }

        await DriveUntilAsync(() => Main.Messages.Count == 0);
        Assert.Equal(10, started.Count);
        Assert.Equal(4, maxInFlight);
        Assert.All(Main.Receives, r => Assert.InRange(r.MaxMessages, 1, 4));
    }

    [Fact]
    public async Task Empty_queue_polls_back_off_from_100_ms_to_MaxPollingInterval_and_reset_when_a_message_arrives()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await StartAsync((_, _, _) => { handled.TrySetResult(); return Task.CompletedTask; });
        await Main.WaitUntilAsync(q => q.Receives.Count == 1);

        int[] expectedWaitsMs = [100, 200, 400, 800, 1600, 2000, 2000];
        foreach (var waitMs in expectedWaitsMs)
        {
            await AdvanceToTimerAsync(TimeSpan.FromMilliseconds(waitMs));
        }

        var polls = Main.Receives;
        Assert.Equal(expectedWaitsMs.Length + 1, polls.Count);
        Assert.Equal(expectedWaitsMs, polls.Zip(polls.Skip(1), (a, b) => (int)(b.At - a.At).TotalMilliseconds));

        Main.Seed("wake up");
        await AdvanceToTimerAsync(TimeSpan.FromSeconds(2));
        await handled.Task.Within();
        await Main.WaitUntilAsync(q => q.Messages.Count == 0);

        await _time.WaitForTimerAtAsync(_time.GetUtcNow() + TimeSpan.FromMilliseconds(100)).Within();
    }

    [Fact]
    public async Task Storage_outage_while_polling_is_logged_and_retried_with_backoff()
    {
        var message = new QueueMessage("id-1", "receipt-1", 1, "after the outage", Start);
        var failuresLeft = 3;
        var delivered = false;
        var queue = new Mock<IMessageQueue>();
        queue.Setup(q => q.ReceiveAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns(() => Interlocked.Decrement(ref failuresLeft) >= 0
                ? Task.FromException<IReadOnlyList<QueueMessage>>(new InvalidOperationException("connection refused"))
                : Task.FromResult<IReadOnlyList<QueueMessage>>(delivered ? [] : [message]))
            .Callback(() => delivered = failuresLeft < 0);
        var deleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Setup(q => q.DeleteAsync(message, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask).Callback(() => deleted.TrySetResult());
        var factory = new Mock<IMessageQueueFactory>();
        factory.Setup(f => f.Get(Queue)).Returns(queue.Object);

        await StartAsync((_, _, _) => Task.CompletedTask, factory: factory.Object);

        foreach (var waitMs in new[] { 100, 200, 400 })
        {
            await _time.WaitForTimerAtAsync(_time.GetUtcNow() + TimeSpan.FromMilliseconds(waitMs)).Within();
            _time.Advance(TimeSpan.FromMilliseconds(waitMs));
        }

        await deleted.Task.Within();
        Assert.Same(message, Assert.Single(_attempts).Message);
        var warnings = _logger.WithEventId(7202);
        Assert.Equal(3, warnings.Count);
        Assert.Equal([0.1, 0.2, 0.4], warnings.Select(w => ((TimeSpan)w.State["RetryDelay"]!).TotalSeconds));
        Assert.All(warnings, w => Assert.IsType<InvalidOperationException>(w.Exception));
        Assert.False(_service!.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task Lease_is_renewed_while_a_long_handler_runs()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Main.Seed("slow");
        await StartAsync(async (_, _, _) => { entered.TrySetResult(); await gate.Task; });
        await entered.Task.Within();

        await _time.WaitForTimerAtAsync(Start + TimeSpan.FromMinutes(5)).Within();
        _time.SetUtcNow(Start + TimeSpan.FromMinutes(5));
        await Main.WaitUntilAsync(q => q.Messages is [var m] && m.VisibleAt == Start + TimeSpan.FromMinutes(15));

        gate.SetResult();
        await Main.WaitUntilAsync(q => q.Messages.Count == 0);
        Assert.Empty(_logger.WithEventId(7206));
    }

    [Fact]
    public async Task Each_message_gets_its_own_service_scope()
    {
        var things = new ConcurrentBag<ScopedThing>();
        Main.Seed("a");
        Main.Seed("b");

        await StartAsync((sp, _, _) => { things.Add(sp.GetRequiredService<ScopedThing>()); return Task.CompletedTask; });

        await Main.WaitUntilAsync(q => q.Messages.Count == 0);
        Assert.Equal(2, things.Distinct().Count());
        Assert.All(things, t => Assert.True(t.Disposed));
    }

    [Fact]
    public async Task Shutdown_stops_fetching_and_waits_for_in_flight_handlers_to_finish()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerToken = CancellationToken.None;
        Main.Seed("in flight");
        await StartAsync(async (_, _, ct) => { handlerToken = ct; entered.TrySetResult(); await gate.Task; });
        await entered.Task.Within();

        var stop = _service!.StopAsync(CancellationToken.None);
        Main.Seed("arrives during shutdown");

        Assert.False(stop.IsCompleted);
        Assert.False(handlerToken.IsCancellationRequested);
        gate.SetResult();
        await stop.Within();

        var left = Assert.Single(Main.Messages);
        Assert.Equal(("arrives during shutdown", 0L), (left.Text, left.DequeueCount));
    }

    [Fact]
    public async Task Shutdown_timeout_cancels_handlers_and_leaves_their_messages_on_the_queue()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Main.Seed("unfinished");
        await StartAsync(async (_, _, ct) => { entered.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); });
        await entered.Task.Within();

        using var shutdownTimeout = new CancellationTokenSource();
        var stop = _service!.StopAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();
        await stop.Within();
        await _service.ExecuteTask!.Within();

        var left = Assert.Single(Main.Messages);
        Assert.Equal(("unfinished", 1L), (left.Text, left.DequeueCount));
        Assert.Equal(Start + TimeSpan.FromMinutes(10), left.VisibleAt);
        Assert.Single(_logger.WithEventId(7208));
        Assert.Empty(_logger.WithEventId(7203));
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            using var quick = new CancellationTokenSource();
            await quick.CancelAsync();
            await _service.StopAsync(quick.Token);
            _service.Dispose();
        }

        await _services.DisposeAsync();
    }

    private async Task StartAsync(
        Func<IServiceProvider, QueueMessage, CancellationToken, Task> handler,
        Action<QueueListenerOptions>? configure = null,
        IMessageQueueFactory? factory = null)
    {
        var options = new QueueListenerOptions();
        configure?.Invoke(options);
        _service = new QueueTriggerService(
            new QueueTriggerRegistration(Queue, (sp, m, ct) =>
            {
                _attempts.Enqueue((m, _time.GetUtcNow()));
                return handler(sp, m, ct);
            }),
            options,
            factory ?? _queues,
            _services.GetRequiredService<IServiceScopeFactory>(),
            _time,
            _logger);
        await _service.StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// Until <paramref name="done"/> holds: waits for every received message to be settled, then for the listener's
    /// poll delay, and moves the clock to it. The clock moves only while the listener idles between polls.
    /// </summary>
    private async Task DriveUntilAsync(Func<bool> done)
    {
        var longestPoll = TimeSpan.FromSeconds(2);
        for (var step = 0; step < 500; step++)
        {
            if (done())
            {
                return;
            }

            await Main.WaitUntilAsync(q => q.Settled == q.Received || done());
            if (done())
            {
                return;
            }

            var pollDue = await _time.WaitForTimerAsync(due => due - _time.GetUtcNow() <= longestPoll).Within();
            _time.SetUtcNow(pollDue);
        }

        Assert.Fail("The condition did not hold after 500 polls.");
    }

    /// <summary>Waits for the poll timer <paramref name="wait"/> from now, fires it, and waits for the poll it starts.</summary>
    private async Task AdvanceToTimerAsync(TimeSpan wait)
    {
        var polls = Main.Receives.Count;
        await _time.WaitForTimerAtAsync(_time.GetUtcNow() + wait).Within();
        _time.Advance(wait);
        await Main.WaitUntilAsync(q => q.Receives.Count > polls);
    }

    private static async Task WaitForStartsAsync(SemaphoreSlim started, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await started.WaitAsync(Safety.Timeout), "A handler did not start.");
        }
    }

    private static void Release(ConcurrentDictionary<string, TaskCompletionSource> gates, string text) =>
        gates.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class ScopedThing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
