using System.Threading.Channels;
using ChurnFunctions.SelfHost.Hosting;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

public sealed class TimerTriggerServiceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Start);
    private readonly CapturingLogger<TimerTriggerService> _logger = new();
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly Channel<(string Timer, TimerTick Tick, DateTimeOffset At)> _runs = Channel.CreateUnbounded<(string, TimerTick, DateTimeOffset)>();
    private TimerTriggerService? _service;

    [Fact]
    public async Task Timers_fire_on_their_schedules_in_time_order()
    {
        await StartAsync(Recording("every-minute", "0 * * * * *"), Recording("half-past", "30 * * * * *"));

        foreach (var (timer, at) in new[] { ("half-past", "00:00:30"), ("every-minute", "00:01:00"), ("half-past", "00:01:30"), ("every-minute", "00:02:00") })
        {
            var due = Start + TimeSpan.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
            await FireAsync(due);
            var run = await _runs.Reader.ReadAsync().AsTask().Within();
            Assert.Equal((timer, new TimerTick(due, IsPastDue: false), due), run);
        }
    }

    [Fact]
    public async Task A_failing_job_is_logged_and_neither_it_nor_other_timers_stop()
    {
        var failures = 0;
        await StartAsync(
            new TimerTriggerRegistration("failing", TimerSchedule.Parse("*/10 * * * * *"), (_, _, _) =>
            {
                Interlocked.Increment(ref failures);
                throw new InvalidOperationException("job broke");
            }),
            Recording("healthy", "5/10 * * * * *"));

        for (var second = 5; second <= 25; second += 5)
        {
            await FireAsync(Start + TimeSpan.FromSeconds(second));
            if (second % 10 == 5)
            {
                Assert.Equal("healthy", (await _runs.Reader.ReadAsync().AsTask().Within()).Timer);
            }
        }

        await _time.WaitForTimerAtAsync(Start + TimeSpan.FromSeconds(30)).Within(); // both timers scheduled again
        Assert.Equal(2, Volatile.Read(ref failures));
        var errors = _logger.WithEventId(7103);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal((LogLevel.Error, "failing"), (e.Level, e.State["TimerName"])));
        Assert.All(errors, e => Assert.IsType<InvalidOperationException>(e.Exception));
        Assert.False(_service!.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task A_run_that_overruns_is_not_overlapped_and_is_followed_by_one_catch_up_run()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var maxRunning = 0;
        await StartAsync(new TimerTriggerRegistration("slow", TimerSchedule.Parse("*/10 * * * * *"), async (_, tick, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            await _runs.Writer.WriteAsync(("slow", tick, _time.GetUtcNow()), ct);
            if (tick.ScheduledAt == Start + TimeSpan.FromSeconds(10))
            {
                await gate.Task;
            }

            Interlocked.Decrement(ref running);
        }));

        await FireAsync(Start + TimeSpan.FromSeconds(10));
        Assert.Equal(Start + TimeSpan.FromSeconds(10), (await _runs.Reader.ReadAsync().AsTask().Within()).Tick.ScheduledAt);

        _time.SetUtcNow(Start + TimeSpan.FromSeconds(35)); // :20 and :30 pass while the first run is still going
        Assert.Equal(0, _time.PendingTimerCount);
        Assert.False(_runs.Reader.TryRead(out _));
        gate.SetResult();

        var catchUp = await _runs.Reader.ReadAsync().AsTask().Within();
        Assert.Equal(new TimerTick(Start + TimeSpan.FromSeconds(20), IsPastDue: true), catchUp.Tick);
        Assert.Equal(Start + TimeSpan.FromSeconds(35), catchUp.At);
        await _time.WaitForTimerAtAsync(Start + TimeSpan.FromSeconds(40)).Within();
        Assert.False(_runs.Reader.TryRead(out _));
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task RunOnStartup_runs_once_at_start_then_on_the_schedule()
    {
        _time.SetUtcNow(Start + TimeSpan.FromMinutes(20));

        await StartAsync(Recording("hourly", "0 0 * * * *", runOnStartup: true));

        var first = await _runs.Reader.ReadAsync().AsTask().Within();
        Assert.Equal(new TimerTick(Start + TimeSpan.FromMinutes(20), IsPastDue: false), first.Tick);
        await FireAsync(Start + TimeSpan.FromHours(1));
        var second = await _runs.Reader.ReadAsync().AsTask().Within();
        Assert.Equal(new TimerTick(Start + TimeSpan.FromHours(1), IsPastDue: false), second.Tick);
    }

    [Fact]
    public async Task An_interval_schedule_runs_that_long_after_each_start()
    {
        await StartAsync(Recording("every-5-minutes", "00:05:00"));

        await FireAsync(Start + TimeSpan.FromMinutes(5));
        await FireAsync(Start + TimeSpan.FromMinutes(10));

        Assert.Equal(Start + TimeSpan.FromMinutes(5), (await _runs.Reader.ReadAsync().AsTask().Within()).Tick.ScheduledAt);
        Assert.Equal(Start + TimeSpan.FromMinutes(10), (await _runs.Reader.ReadAsync().AsTask().Within()).Tick.ScheduledAt);
    }

    [Fact]
    public async Task Stopping_cancels_a_running_job_and_waits_for_it_without_logging_a_failure()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        await StartAsync(new TimerTriggerRegistration("long", TimerSchedule.Parse("0 * * * * *"), async (_, _, ct) =>
        {
            entered.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        }));
        await FireAsync(Start + TimeSpan.FromMinutes(1));
        await entered.Task.Within();

        await _service!.StopAsync(CancellationToken.None).Within();

        Assert.True(cancelled);
        Assert.True(_service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Empty(_logger.WithEventId(7103));
    }

    [Fact]
    public async Task Each_run_gets_its_own_service_scope()
    {
        var providers = new List<IServiceProvider>();
        await StartAsync(new TimerTriggerRegistration("scoped", TimerSchedule.Parse("0 * * * * *"), async (sp, tick, ct) =>
        {
            providers.Add(sp);
            await _runs.Writer.WriteAsync(("scoped", tick, _time.GetUtcNow()), ct);
        }));

        await FireAsync(Start + TimeSpan.FromMinutes(1));
        await _runs.Reader.ReadAsync().AsTask().Within();
        await FireAsync(Start + TimeSpan.FromMinutes(2));
        await _runs.Reader.ReadAsync().AsTask().Within();

        Assert.Equal(2, providers.Distinct().Count());
        Assert.DoesNotContain(_services, providers);
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

    private TimerTriggerRegistration Recording(string name, string schedule, bool runOnStartup = false) =>
        new(name, TimerSchedule.Parse(schedule), async (_, tick, ct) => await _runs.Writer.WriteAsync((name, tick, _time.GetUtcNow()), ct), runOnStartup);

    private async Task StartAsync(params TimerTriggerRegistration[] timers)
    {
        _service = new TimerTriggerService(timers, _services.GetRequiredService<IServiceScopeFactory>(), _time, _logger);
        await _service.StartAsync(CancellationToken.None);
    }

    /// <summary>Waits for a timer due at <paramref name="due"/> to be scheduled, then moves the clock to it.</summary>
    private async Task FireAsync(DateTimeOffset due)
    {
        await _time.WaitForTimerAtAsync(due).Within();
        _time.SetUtcNow(due);
    }
}
