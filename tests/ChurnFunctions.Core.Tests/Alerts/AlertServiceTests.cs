using System.Collections.Concurrent;
using ChurnFunctions.Core.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChurnFunctions.Core.Tests.Alerts;

public sealed class AlertServiceTests
{
    private static readonly Alert Spike = new(new DateOnly(2024, 3, 31), "churn-rate-above-threshold", "high", "Churn rate 40%", "...", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task The_same_condition_on_the_same_day_is_stored_and_delivered_once()
    {
        var store = new MemoryAlertStore();
        var channel = new Mock<IAlertChannel>();
        var service = new AlertService(store, [channel.Object], NullLogger<AlertService>.Instance);

        var first = await service.RaiseAsync([Spike], default);
        var second = await service.RaiseAsync([Spike with { RaisedAt = DateTimeOffset.UnixEpoch.AddHours(1) }], default);
        var nextDay = await service.RaiseAsync([Spike with { Date = Spike.Date.AddDays(1) }], default);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single(nextDay);
        channel.Verify(c => c.DeliverAsync(It.IsAny<Alert>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_failing_channel_does_not_stop_the_others()
    {
        var failing = new Mock<IAlertChannel>();
        failing.Setup(c => c.DeliverAsync(It.IsAny<Alert>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("down"));
        var working = new Mock<IAlertChannel>();
        var service = new AlertService(new MemoryAlertStore(), [failing.Object, working.Object], NullLogger<AlertService>.Instance);

        await service.RaiseAsync([Spike], default);

        working.Verify(c => c.DeliverAsync(Spike, It.IsAny<CancellationToken>()), Times.Once);
    }

    private sealed class MemoryAlertStore : IAlertStore
    {
        private readonly ConcurrentDictionary<(DateOnly, string), Alert> alerts = new();

        public Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken) =>
            Task.FromResult(alerts.TryAdd((alert.Date, alert.Condition), alert));

        public Task<IReadOnlyList<Alert>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Alert>>([.. alerts.Values]);
    }
}
