using ChurnFunctions.Core.Ports;
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
/// <remarks>
/// With <see cref="ITimerLeases"/> registered (the storage adapter registers it), an occurrence runs in one process of
/// all those sharing the storage account, as the Functions host's singleton lock makes it: a process takes the timer's
/// lease for <see cref="LeaseDuration"/> and renews it every <see cref="RenewEvery"/> while the job runs; a process
/// that cannot get it skips the occurrence; one that gets it but finds the occurrence recorded as run (another process
/// ran it and released the lease just before) skips it too. A run, failed or not, is recorded before the lease is
/// released; a run cut short by stopping or by a lost lease is not. Without the port every process
/// runs every occurrence.
/// </remarks>
public sealed class TimerTriggerService(
    IEnumerable<TimerTriggerRegistration> timers,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerTriggerService> logger,
    ITimerLeases? leases = null) : BackgroundService
{
    /// <summary>How long a lease lasts unrenewed: how long a crashed holder keeps others from the timer.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>A third of the lease, so two renewals can fail before the lease runs out.</summary>
    public static readonly TimeSpan RenewEvery = LeaseDuration / 3;

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
        if (leases is null)
        {
            await InvokeAsync(timer, tick, stoppingToken);
            return;
        }

        TimerLease? lease;
        try
        {
            lease = await leases.TryAcquireAsync(timer.Name, LeaseDuration, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.TimerLeaseUnavailable(timer.Name, tick.ScheduledAt, e);
            return;
        }

        if (lease is null)
        {
            logger.TimerHeldElsewhere(timer.Name, tick.ScheduledAt);
            return;
        }

        try
        {
            if (lease.LastRun >= tick.ScheduledAt)
            {
                logger.TimerAlreadyRan(timer.Name, tick.ScheduledAt, lease.LastRun.Value);
                return;
            }

            await RunUnderLeaseAsync(timer, tick, lease, stoppingToken);
        }
        finally
        {
            await ReleaseAsync(lease);
        }
    }

    private async Task RunUnderLeaseAsync(TimerTriggerRegistration timer, TimerTick tick, TimerLease lease, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var finished = new CancellationTokenSource();
        var renewing = KeepRenewingAsync(lease, tick.ScheduledAt, lost, finished.Token);
        bool ran;
        try
        {
            ran = await InvokeAsync(timer, tick, lost.Token);
        }
        finally
        {
            await finished.CancelAsync();
            await renewing;
        }

        if (!ran || lost.IsCancellationRequested)
        {
            return;
        }

        try
        {
            // Not the stopping token: the run is over, and the record is what keeps another process from repeating it.
            if (!await leases!.RecordRunAsync(lease, tick.ScheduledAt, CancellationToken.None))
            {
                logger.TimerLeaseLost(timer.Name, tick.ScheduledAt);
            }
        }
        catch (Exception e)
        {
            logger.TimerRecordFailed(timer.Name, tick.ScheduledAt, e);
        }
    }

    /// <summary>
    /// Renews the lease until <paramref name="finished"/>; when the lease is lost (taken by another, or not renewed for
    /// a whole lease duration) cancels <paramref name="lost"/>, so the job stops rather than overlap another's run.
    /// </summary>
    private async Task KeepRenewingAsync(TimerLease lease, DateTimeOffset scheduledAt, CancellationTokenSource lost, CancellationToken finished)
    {
        var renewedAt = time.GetUtcNow();
        while (!finished.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RenewEvery, time, finished);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (await leases!.RenewAsync(lease, finished))
                {
                    renewedAt = time.GetUtcNow();
                    continue;
                }
            }
            catch (OperationCanceledException) when (finished.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.TimerLeaseRenewalFailed(lease.TimerName, e);
                if (time.GetUtcNow() - renewedAt < LeaseDuration)
                {
                    continue;
                }
            }

            logger.TimerLeaseLost(lease.TimerName, scheduledAt);
            await lost.CancelAsync();
            return;
        }
    }

    private async Task ReleaseAsync(TimerLease lease)
    {
        try
        {
            await leases!.ReleaseAsync(lease, CancellationToken.None);
        }
        catch (Exception e)
        {
            // It runs out on its own within the lease duration.
            logger.TimerLeaseReleaseFailed(lease.TimerName, e);
        }
    }

    /// <summary>Runs the job in its own scope; false when it was cancelled, true when it completed or failed.</summary>
    private async Task<bool> InvokeAsync(TimerTriggerRegistration timer, TimerTick tick, CancellationToken cancellationToken)
    {
        try
        {
            logger.TimerRunning(timer.Name, tick.ScheduledAt, tick.IsPastDue);
            await using var scope = scopes.CreateAsyncScope();
            await timer.Job(scope.ServiceProvider, tick, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping, or the lease was lost: the job gave up on its token.
            return false;
        }
        catch (Exception e)
        {
            logger.TimerFailed(timer.Name, tick.ScheduledAt, e);
            return true;
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
