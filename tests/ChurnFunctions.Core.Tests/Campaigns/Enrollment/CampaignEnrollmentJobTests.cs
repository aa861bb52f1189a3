using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Core.Tests.Campaigns.Enrollment;

public sealed class CampaignEnrollmentJobTests
{
    [Fact]
    public async Task Job_starts_matching_customers_of_enabled_campaigns_only()
    {
        // Arrange: scores of 2024-06-02; "partial" matches c1 only; "off" is disabled.
        var day = new DateOnly(2024, 6, 2);
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            Campaign("partial", new PartialChurnTrigger()),
            Campaign("off", new PartialChurnTrigger()) with { Enabled = false },
        ]);
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.ListAsync(It.IsAny<CancellationToken>()))
            .Returns(new[] { new CustomerRecord { Id = "c1" }, new CustomerRecord { Id = "c2" }, new CustomerRecord { Id = "anon", IsAnonymous = true } }.ToAsyncEnumerable());
        // CallBase: the port's bulk read falls back to these point reads, as a store without a bulk read does.
        var scores = new Mock<IScoreStore> { CallBase = true };
        scores.Setup(s => s.GetAsync(day, "c1", It.IsAny<CancellationToken>())).ReturnsAsync(Score("c1", day, partialChurn: true));
        scores.Setup(s => s.GetAsync(day, "c2", It.IsAny<CancellationToken>())).ReturnsAsync(Score("c2", day, partialChurn: false));
        var metrics = new Mock<IMetricsStore>();
        metrics.Setup(m => m.LatestAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Snapshot(day));
        var starter = new Mock<ICampaignStarter> { CallBase = true };
        starter.Setup(s => s.StartAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var job = new CampaignEnrollmentJob(
            definitions.Object, customers.Object, scores.Object, metrics.Object, Mock.Of<IFeedbackStore>(), starter.Object,
            Options.Create(new AnalyticsOptions()), new Clock(new DateTimeOffset(2024, 6, 3, 3, 0, 0, TimeSpan.Zero)),
            NullLogger<CampaignEnrollmentJob>.Instance);

        // Act
        var run = await job.RunAsync(CancellationToken.None);

        // Assert
        starter.Verify(s => s.StartAsync("partial", "c1", It.IsAny<CancellationToken>()), Times.Once);
        starter.Verify(s => s.StartAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(new EnrollmentRun(new DateOnly(2024, 6, 3), 1, 2, 1), run);
    }

    private static CampaignDefinition Campaign(string id, CampaignTrigger trigger) => new()
    {
        Id = id,
        Name = id,
        Trigger = trigger,
        Steps = [new WaitStep { Id = "w", Duration = TimeSpan.FromDays(1) }],
    };

    private static CustomerScore Score(string id, DateOnly day, bool partialChurn) =>
        new(id, day, 0.5, 1, 90, null, null, null, 1, 1, 1, "active", "T2", "Medium", "active", partialChurn, []);

    private static MetricsSnapshot Snapshot(DateOnly day) => new(
        day, DateTimeOffset.UnixEpoch, day, day, 0, 0, 0, 0, 0, 0, 0, 0, 0m, 0m, 0,
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(),
        "mbgnbd", new Dictionary<string, double>(), 0);

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
