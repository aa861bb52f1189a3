using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Options;
using static ChurnFunctions.Core.Tests.Scoring.AtRiskReasonTests;

namespace ChurnFunctions.Core.Tests.Scoring;

public sealed class AtRiskQueriesTests
{
    private static readonly DateOnly Day = new(2024, 3, 31);

    [Fact]
    public async Task Ranks_by_clv_times_one_minus_p_alive_and_pages_with_ranks_that_continue()
    {
        var queries = await QueriesAsync(
            Score(0.9, clv: 1000, id: "safe-big"),    // 100 at stake
            Score(0.2, clv: 200, id: "slipping"),     // 160
            Score(0.5, clv: 100, id: "half"),         // 50
            Score(0.0, clv: 120, id: "gone"),         // 120
            Score(1.0, clv: 500, id: "certain"),      // nothing at stake: not listed
            Score(null, clv: 300, id: "no-model"),
            Score(0.3, clv: null, id: "no-spend-model"));

        var first = (await queries.GetAsync(0, 2, default))!;
        var second = (await queries.GetAsync(2, 2, default))!;

        Assert.Equal(Day, first.AsOf);
        Assert.Equal(4, first.Total);
        Assert.Equal(2, first.Unranked);
        Assert.Equal(["slipping", "gone"], first.Customers.Select(c => c.CustomerId));
        Assert.Equal([160.0, 120.0], first.Customers.Select(c => c.ValueAtStake));
        Assert.Equal(["safe-big", "half"], second.Customers.Select(c => c.CustomerId));
        Assert.Equal([3, 4], second.Customers.Select(c => c.Rank));
        Assert.Equal("P(alive) 0.20", first.Customers[0].Reason);
    }

    [Fact]
    public async Task Before_the_first_run_there_is_no_list()
    {
        var queries = new AtRiskQueries(new Fakes.InMemoryScoreStore(), new InMemoryMetricsStore(), Options.Create(new PartialChurnOptions()));

        Assert.Null(await queries.GetAsync(0, 10, default));
    }

    private static async Task<AtRiskQueries> QueriesAsync(params CustomerScore[] scores)
    {
        var store = new Fakes.InMemoryScoreStore();
        await store.SaveAsync(Day, scores, default);
        var metrics = new InMemoryMetricsStore();
        var snapshot = new MetricsSnapshot(Day, DateTimeOffset.UnixEpoch, Day, Day, scores.Length, 0, 0, null, null, null, 0, 0, null, null, 0,
            new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), null, null, null);
        await metrics.SaveAsync(snapshot, default);
        await metrics.PublishAsync(snapshot, default);
        return new AtRiskQueries(store, metrics, Options.Create(new PartialChurnOptions()));
    }
}
