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

public sealed class EnrollmentDryRunTests
{
    private static readonly DateOnly ScoredOn = new(2024, 6, 2);

    [Fact]
    public async Task Dry_run_lists_who_would_enter_and_why_and_starts_nobody()
    {
        var starter = new Mock<ICampaignStarter> { CallBase = true };
        starter.Setup(s => s.IsStartedAsync(It.IsAny<string>(), It.IsAny<string>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var report = await Job(starter.Object).RunAsync(dryRun: true, CancellationToken.None);

        Assert.True(report.DryRun);
        var entry = Assert.Single(report.Entries);
        Assert.Equal(("slipping", "c1"), (entry.CampaignId, entry.CustomerId));
        Assert.Equal("P(alive) 0.18 is below 0.30", entry.Reason);
        Assert.Equal(HoldoutAssignment.IsHoldout("c1", "slipping", 10), entry.Holdout);
        starter.Verify(s => s.StartAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        starter.Verify(s => s.StartAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Dry_run_leaves_out_customers_already_in_the_campaign()
    {
        var starter = new Mock<ICampaignStarter> { CallBase = true };
        starter.Setup(s => s.IsStartedAsync("slipping", "c1", null, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var report = await Job(starter.Object).RunAsync(dryRun: true, CancellationToken.None);

        Assert.Empty(report.Entries);
    }

    [Fact]
    public async Task Real_run_lists_the_customers_it_started()
    {
        var starter = new Mock<ICampaignStarter> { CallBase = true };
        starter.Setup(s => s.StartAsync("slipping", "c1", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var report = await Job(starter.Object).RunAsync(dryRun: false, CancellationToken.None);

        Assert.False(report.DryRun);
        Assert.Equal("c1", Assert.Single(report.Entries).CustomerId);
        starter.Verify(s => s.StartAsync("slipping", "c1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(0.18, "P(alive) below 0.30")]
    public void A_rule_reads_as_words(double _, string expected) =>
        Assert.Equal(expected, TriggerReasons.Rule(new AliveProbabilityBelowTrigger(0.3)));

    [Fact]
    public void Reasons_name_the_customers_own_figures()
    {
        var today = new DateOnly(2024, 6, 3);
        var facts = new EnrollmentFacts(today, new CustomerRecord { Id = "c1" }, Score("c1", 0.5) with { Segment = "at-risk", DaysSinceLastPurchase = 80, PurchaseGapDays = 21 },
            Score("c1", 0.5) with { Segment = "loyal" });

        Assert.Equal("entered the at-risk segment (was loyal the day before)", TriggerReasons.Explain(new SegmentEnteredTrigger("at-risk"), facts));
        Assert.Equal("buys every ~21 days; the next purchase was due 2024-04-04, 60 days ago (rule: 30 days or more)", TriggerReasons.Explain(new PurchaseOverdueTrigger(30), facts));
    }

    private static CampaignEnrollmentJob Job(ICampaignStarter starter)
    {
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new CampaignDefinition { Id = "slipping", Name = "Slipping", Trigger = new AliveProbabilityBelowTrigger(0.3), Steps = [new WaitStep { Id = "w", Duration = TimeSpan.FromDays(1) }] },
        ]);
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.ListAsync(It.IsAny<CancellationToken>()))
            .Returns(new[] { new CustomerRecord { Id = "c1" }, new CustomerRecord { Id = "c2" } }.ToAsyncEnumerable());
        // CallBase: the bulk read falls back to the point reads set up below.
        var scores = new Mock<IScoreStore> { CallBase = true };
        scores.Setup(s => s.GetAsync(ScoredOn, "c1", It.IsAny<CancellationToken>())).ReturnsAsync(Score("c1", 0.18));
        scores.Setup(s => s.GetAsync(ScoredOn, "c2", It.IsAny<CancellationToken>())).ReturnsAsync(Score("c2", 0.9));
        var metrics = new Mock<IMetricsStore>();
        metrics.Setup(m => m.LatestAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new MetricsSnapshot(
            ScoredOn, DateTimeOffset.UnixEpoch, ScoredOn, ScoredOn, 0, 0, 0, 0, 0, 0, 0, 0, 0m, 0m, 0,
            new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(),
            "mbgnbd", new Dictionary<string, double>(), 0));
        return new CampaignEnrollmentJob(
            definitions.Object, customers.Object, scores.Object, metrics.Object, Mock.Of<IFeedbackStore>(), starter,
            Options.Create(new AnalyticsOptions()), new Clock(new DateTimeOffset(2024, 6, 3, 3, 0, 0, TimeSpan.Zero)),
            NullLogger<CampaignEnrollmentJob>.Instance);
    }

    private static CustomerScore Score(string id, double alive) =>
        new(id, ScoredOn, alive, 1, 90, null, null, null, 1, 1, 1, "loyal", "potential", "medium", "active", false, []);

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
