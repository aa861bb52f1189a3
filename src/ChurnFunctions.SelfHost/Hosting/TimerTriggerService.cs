using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// Runs the registered timer jobs on their schedules, as the Functions timer trigger does: one run at a time per
/// timer (the next occurrence is computed from when a run started, and a run that overran is followed at once by a
/// single catch-up run; the occurrences missed meanwhile are skipped, not queued). A failing run is logged and the
/// timer carries on. Stopping cancels the token given to running jobs and waits for them, up to the host's shutdown
/// timeout.
/// </summary>
public sealed class TimerTriggerService(
    IEnumerable<TimerTriggerRegistration> timers,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    // TimeProvider timers take at most about 49 days; long waits are made of shorter ones, re-checking the clock.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly IReadOnlyList<TimerTriggerRegistration> _timers = timers.ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_timers.Select(timer => RunTimerAsync(timer, stoppingToken)));

    private async Task RunTimerAsync(TimerTriggerRegistration timer, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var now = time.GetUtcNow();
        var upcoming = timer.Schedule.GetNextOccurrences(now, 5);
        logger.TimerScheduled(timer.Name, timer.Schedule.Expression, upcoming);

        var onStartup = timer.RunOnStartup;
        var next = onStartup ? now : upcoming[0];
        while (await WaitUntilAsync(next, stoppingToken))
        {
            var started = time.GetUtcNow();
            var tick = new TimerTick(next, IsPastDue: !onStartup && timer.Schedule.GetNextOccurrence(next) <= started);
            await RunOnceAsync(timer, tick, stoppingToken);
            next = timer.Schedule.GetNextOccurrence(started > next ? started : next);
            onStartup = false;
            logger.TimerFinished(timer.Name, tick.ScheduledAt, next);
        }
    }

    private async Task RunOnceAsync(TimerTriggerRegistration timer, TimerTick tick, CancellationToken stoppingToken)
    {
        try
        {
            logger.TimerRunning(timer.Name, tick.ScheduledAt, tick.IsPastDue);
            await using var scope = scopes.CreateAsyncScope();
            await timer.Job(scope.ServiceProvider, tick, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the job gave up on its token.
        }
        catch (Exception e)
        {
            logger.TimerFailed(timer.Name, tick.ScheduledAt, e);
        }
    }

    /// <summary>Waits until the clock reaches <paramref name="due"/>; false when stopping.</summary>
    private async Task<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var remaining = due - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return true;
            }

            try
            {
                await Task.Delay(remaining < LongestWait ? remaining : LongestWait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return false;
    }
}
