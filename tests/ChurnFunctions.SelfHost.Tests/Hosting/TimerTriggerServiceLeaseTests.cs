using System.Threading.Channels;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.SelfHost.Hosting;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

/// <summary>The timer service with <see cref="ITimerLeases"/>: one run per occurrence across processes.</summary>
public sealed class TimerTriggerServiceLeaseTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset First = Start + TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Second = First + TimeSpan.FromHours(1);

    private readonly ManualTimeProvider _time = new(Start);
    private readonly CapturingLogger<TimerTriggerService> _logger = new();
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly Mock<ITimerLeases> _leases = new(MockBehavior.Strict);
    private readonly Channel<TimerTick> _runs = Channel.CreateUnbounded<TimerTick>();
    private TimerTriggerService? _service;

    [Fact]
    public async Task A_process_that_cannot_get_the_lease_does_not_run_the_occurrence()
    {
        _leases.Setup(l => l.TryAcquireAsync("nightly", TimerTriggerService.LeaseDuration, It.IsAny<CancellationToken>()))
            .ReturnsAsync((TimerLease?)null);
        await StartAsync(Recording);

        await FireAsync(First);
        await _time.WaitForTimerAtAsync(Second).Within();

        Assert.False(_runs.Reader.TryRead(out _));
        Assert.Equal("nightly", Assert.Single(_logger.WithEventId(7105)).State["TimerName"]);
        _leases.Verify(l => l.ReleaseAsync(It.IsAny<TimerLease>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_occurrence_another_process_recorded_as_run_is_skipped_and_the_lease_released()
    {
        var lease = new TimerLease("nightly", "lease-1", LastRun: First);
        _leases.Setup(l => l.TryAcquireAsync("nightly", TimerTriggerService.LeaseDuration, It.IsAny<CancellationToken>())).ReturnsAsync(lease);
        _leases.Setup(l => l.ReleaseAsync(lease, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        await StartAsync(Recording);

        await FireAsync(First);
        await _time.WaitForTimerAtAsync(Second).Within();

        Assert.False(_runs.Reader.TryRead(out _));
        Assert.Single(_logger.WithEventId(7106));
        _leases.Verify(l => l.ReleaseAsync(lease, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_job_longer_than_the_lease_keeps_it_renewed_then_records_its_occurrence_and_releases()
    {
        var lease = new TimerLease("nightly", "lease-1", LastRun: Start - TimeSpan.FromDays(1));
        var calls = new List<string>();
        _leases.Setup(l => l.TryAcquireAsync("nightly", TimerTriggerService.LeaseDuration, It.IsAny<CancellationToken>())).ReturnsAsync(lease);
        _leases.Setup(l => l.RenewAsync(lease, It.IsAny<CancellationToken>())).Callback(() => calls.Add("renew")).ReturnsAsync(true);
        _leases.Setup(l => l.RecordRunAsync(lease, First, It.IsAny<CancellationToken>())).Callback(() => calls.Add("record")).ReturnsAsync(true);
        _leases.Setup(l => l.ReleaseAsync(lease, It.IsAny<CancellationToken>())).Callback(() => calls.Add("release")).Returns(Task.CompletedTask);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await StartAsync(async (_, tick, ct) =>
        {
            await _runs.Writer.WriteAsync(tick, ct);
            await gate.Task.WaitAsync(ct);
        });

        await FireAsync(First);
        await _runs.Reader.ReadAsync().AsTask().Within();
        var renewals = 0;
        for (var due = First + TimerTriggerService.RenewEvery; due <= First + (2 * TimerTriggerService.LeaseDuration); due += TimerTriggerService.RenewEvery)
        {
            await FireAsync(due);
            renewals++;
        }

        await _time.WaitForTimerAtAsync(First + (2 * TimerTriggerService.LeaseDuration) + TimerTriggerService.RenewEvery).Within();
        gate.SetResult();
        await _time.WaitForTimerAtAsync(Second).Within(); // the run is over: next occurrence scheduled

        Assert.Equal(6, renewals);
        Assert.Equal([.. Enumerable.Repeat("renew", renewals), "record", "release"], calls);
        Assert.Empty(_logger.WithEventId(7109));
    }

    [Fact]
    public async Task A_lost_lease_cancels_the_job_and_its_occurrence_is_not_recorded()
    {
        var lease = new TimerLease("nightly", "lease-1", LastRun: null);
        _leases.Setup(l => l.TryAcquireAsync("nightly", TimerTriggerService.LeaseDuration, It.IsAny<CancellationToken>())).ReturnsAsync(lease);
        _leases.Setup(l => l.RenewAsync(lease, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _leases.Setup(l => l.ReleaseAsync(lease, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await StartAsync(async (_, tick, ct) =>
        {
            await _runs.Writer.WriteAsync(tick, ct);
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => cancelled.SetResult(), TaskScheduler.Default);
            ct.ThrowIfCancellationRequested();
        });

        await FireAsync(First);
        await _runs.Reader.ReadAsync().AsTask().Within();
        await FireAsync(First + TimerTriggerService.RenewEvery);
        await cancelled.Task.Within();
        await _time.WaitForTimerAtAsync(Second).Within();

        Assert.Single(_logger.WithEventId(7109));
        _leases.Verify(l => l.RecordRunAsync(It.IsAny<TimerLease>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _leases.Verify(l => l.ReleaseAsync(lease, It.IsAny<CancellationToken>()), Times.Once);
        Assert.False(_service!.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task A_storage_failure_taking_the_lease_skips_the_occurrence_and_the_timer_carries_on()
    {
        _leases.SetupSequence(l => l.TryAcquireAsync("nightly", TimerTriggerService.LeaseDuration, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("storage down"))
            .ReturnsAsync(new TimerLease("nightly", "lease-2", LastRun: null));
        _leases.Setup(l => l.RecordRunAsync(It.IsAny<TimerLease>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _leases.Setup(l => l.ReleaseAsync(It.IsAny<TimerLease>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        await StartAsync(Recording);

        await FireAsync(First);
        await FireAsync(Second);

        Assert.Equal(Second, (await _runs.Reader.ReadAsync().AsTask().Within()).ScheduledAt);
        Assert.Single(_logger.WithEventId(7107));
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

    private async Task Recording(IServiceProvider services, TimerTick tick, CancellationToken cancellationToken) =>
        await _runs.Writer.WriteAsync(tick, cancellationToken);

    private async Task StartAsync(Func<IServiceProvider, TimerTick, CancellationToken, Task> job)
    {
        var timer = new TimerTriggerRegistration("nightly", TimerSchedule.Parse("0 0 * * * *"), job);
        _service = new TimerTriggerService([timer], _services.GetRequiredService<IServiceScopeFactory>(), _time, _logger, _leases.Object);
        await _service.StartAsync(CancellationToken.None);
    }

    private async Task FireAsync(DateTimeOffset due)
    {
        await _time.WaitForTimerAtAsync(due).Within();
        _time.SetUtcNow(due);
    }
}
