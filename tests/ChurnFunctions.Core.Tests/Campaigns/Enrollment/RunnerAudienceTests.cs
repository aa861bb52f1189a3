using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Tests.Campaigns.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Core.Tests.Campaigns.Enrollment;

/// <summary>The runner fills the context's segment and value tier from the latest score at start, for the audience check.</summary>
public sealed class RunnerAudienceTests
{
    [Theory]
    [InlineData("at-risk", CampaignPhase.Active)]
    [InlineData("loyal", CampaignPhase.Completed)]
    public async Task Runner_admits_a_segment_audience_by_the_latest_score(string segment, CampaignPhase expected)
    {
        // Arrange: the rig's stores, a runner that also reads scores; the campaign admits "at-risk" only.
        var rig = new RunnerRig(RunnerRig.TwoStep(TimeSpan.FromDays(2)) with { Audience = new AudienceFilter { Segments = ["at-risk"] }, HoldoutPercent = 0 });
        rig.Customers["c1"] = new CustomerRecord { Id = "c1", Email = "ada@example.com" };
        var day = new DateOnly(2024, 6, 2);
        var scores = new Mock<IScoreStore>();
        scores.Setup(s => s.GetAsync(day, "c1", It.IsAny<CancellationToken>())).ReturnsAsync(
            new CustomerScore("c1", day, 0.4, 1, 90, null, null, null, 1, 1, 1, segment, "T2", "High", "active", false, []));
        var metrics = new Mock<IMetricsStore>();
        metrics.Setup(m => m.LatestAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new MetricsSnapshot(
            day, DateTimeOffset.UnixEpoch, day, day, 0, 0, 0, 0, 0, 0, 0, 0, 0m, 0m, 0,
            new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(),
            "mbgnbd", new Dictionary<string, double>(), 0));
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => rig.Definition);
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.GetAsync("c1", It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<CustomerRecord>(rig.Customers["c1"], "e"));
        var runner = new CampaignRunner(
            definitions.Object, rig.Instances, rig.WakeUps, rig.Actions, customers.Object, rig.Sender,
            new CampaignDecider(new CampaignOptions { DefaultTimeZone = "UTC" }),
            Options.Create(new CampaignRuntimeOptions { DefinitionCacheTime = TimeSpan.Zero }), rig.Clock, NullLogger<CampaignRunner>.Instance,
            scores.Object, metrics.Object);

        // Act
        await runner.StartAsync(RunnerRig.CampaignId, "c1", CancellationToken.None);
        while (rig.WakeUps.TakeDue(rig.Clock.GetUtcNow()) is { } message)
        {
            await runner.HandleWakeUpAsync(message, CancellationToken.None);
        }

        // Assert
        var state = rig.State("c1");
        Assert.Equal(expected, state.Phase);
        Assert.Equal(expected == CampaignPhase.Completed ? CompletionReason.NotEligible : null, state.CompletionReason);
    }
}
