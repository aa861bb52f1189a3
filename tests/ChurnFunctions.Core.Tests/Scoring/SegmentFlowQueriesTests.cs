using ChurnFunctions.Core.Scoring;
using static ChurnFunctions.Core.Tests.Scoring.AtRiskReasonTests;

namespace ChurnFunctions.Core.Tests.Scoring;

public sealed class SegmentFlowQueriesTests
{
    private static readonly DateOnly First = new(2024, 3, 30);
    private static readonly DateOnly Second = new(2024, 3, 31);

    [Fact]
    public async Task Counts_customers_by_segment_on_the_run_before_and_on_the_latest_run_with_none_for_the_unscored()
    {
        var scores = new Fakes.InMemoryScoreStore();
        await scores.SaveAsync(First, [Score(0.5, id: "a") with { Segment = "loyal" }, Score(0.5, id: "b") with { Segment = "loyal" }, Score(0.5, id: "gone") with { Segment = "lost" }], default);
        await scores.SaveAsync(Second, [Score(0.5, id: "a") with { Segment = "at-risk" }, Score(0.5, id: "b") with { Segment = "at-risk" }, Score(0.5, id: "new") with { Segment = "new" }], default);
        var metrics = new InMemoryMetricsStore();
        foreach (var day in new[] { First, Second })
        {
            var snapshot = Snapshot(day);
            await metrics.SaveAsync(snapshot, default);
            await metrics.PublishAsync(snapshot, default);
        }

        var flows = (await new SegmentFlowQueries(scores, metrics).GetAsync(null, null, default))!;

        Assert.Equal((First, Second), (flows.From, flows.To));
        Assert.Equal(
            [new SegmentFlow("loyal", "at-risk", 2), new SegmentFlow("lost", "none", 1), new SegmentFlow("none", "new", 1)],
            flows.Flows);
    }

    [Fact]
    public async Task One_run_has_no_flows()
    {
        var metrics = new InMemoryMetricsStore();
        await metrics.SaveAsync(Snapshot(Second), default);
        await metrics.PublishAsync(Snapshot(Second), default);

        Assert.Null(await new SegmentFlowQueries(new Fakes.InMemoryScoreStore(), metrics).GetAsync(null, null, default));
    }

    private static MetricsSnapshot Snapshot(DateOnly day) =>
        new(day, DateTimeOffset.UnixEpoch, day, day, 0, 0, 0, null, null, null, 0, 0, null, null, 0,
            new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), null, null, null);
}
