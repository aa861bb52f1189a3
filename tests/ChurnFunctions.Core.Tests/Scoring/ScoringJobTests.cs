using ChurnFunctions.Core.Tests.Support;
using ChurnFunctions.Core.Telemetry;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Logging;
using Moq;
using static ChurnFunctions.Core.Tests.Scoring.ScoringRig;

namespace ChurnFunctions.Core.Tests.Scoring;

public sealed class ScoringJobTests
{
    private static readonly DateOnly Yesterday = new(2024, 5, 31);

    [Fact]
    public async Task Empty_store_completes_with_null_rates_and_no_model_and_publishes_the_run()
    {
        var rig = new ScoringRig([]);

        var run = await rig.Job.RunAsync(null, default);

        Assert.Equal(Yesterday, run.AsOf);
        Assert.Equal(0, run.Customers);
        Assert.Null(run.Model);
        var latest = await rig.Metrics.LatestAsync(default);
        Assert.NotNull(latest);
        Assert.Equal(Yesterday, latest.Date);
        Assert.Null(latest.ChurnRate);
        Assert.Null(latest.RetentionRate);
        Assert.Null(latest.RepeatPurchaseRate);
        Assert.Null(latest.Model);
        Assert.Null(latest.ModelParameters);
        Assert.Null(latest.ModelLogLikelihood);
        Assert.Equal("no customers", latest.ModelUnavailableReason);
        Assert.Equal(0m, latest.Revenue);
    }

    [Fact]
    public async Task Scores_keep_the_days_since_the_last_purchase_the_mean_gap_and_the_spend_drop_the_at_risk_reason_reads()
    {
        var rig = new ScoringRig([Customer("c1", Every(new DateOnly(2024, 1, 1), 20, 5)), Customer("c2", [new DateOnly(2024, 5, 1)])]);

        await rig.Job.RunAsync(Yesterday, default);

        var regular = (await rig.Scores.GetAsync(Yesterday, "c1", default))!;
        Assert.Equal(Yesterday.DayNumber - new DateOnly(2024, 3, 21).DayNumber, regular.DaysSinceLastPurchase);
        Assert.Equal(20, regular.PurchaseGapDays);
        var once = (await rig.Scores.GetAsync(Yesterday, "c2", default))!;
        Assert.Equal(30, once.DaysSinceLastPurchase);
        Assert.Null(once.PurchaseGapDays);
        Assert.Null(once.SpendDrop);
    }

    [Fact]
    public async Task One_customer_completes()
    {
        var rig = new ScoringRig([Customer("c1", Every(new DateOnly(2024, 1, 1), 20, 5))]);

        var run = await rig.Job.RunAsync(null, default);

        Assert.Equal(1, run.Customers);
        var score = await rig.Scores.GetAsync(Yesterday, "c1", default);
        Assert.NotNull(score);
        Assert.True(score.ProbabilityAlive is null or (>= 0 and <= 1));
    }

    [Fact]
    public async Task A_run_counts_the_customers_it_scored_and_records_its_duration()
    {
        using var recorder = new MetricRecorder();
        var rig = new ScoringRig(
            [Customer("c1", Every(new DateOnly(2024, 1, 1), 20, 5)), Customer("c2", Every(new DateOnly(2024, 2, 1), 10, 3))],
            recorder.Metrics);

        var run = await rig.Job.RunAsync(null, default);

        Assert.Equal(2, recorder.Sum(ChurnMetrics.CustomersScoredName));
        Assert.Equal(1, recorder.Count(ChurnMetrics.ScoringDurationName));
        Assert.Equal(run.Elapsed.TotalSeconds, recorder.Sum(ChurnMetrics.ScoringDurationName), 6);
    }

    [Fact]
    public async Task Stale_store_with_no_purchase_for_years_completes_and_every_customer_is_lapsed()
    {
        // Repeat and one-time buyers who all stopped in 2019: nobody is active at the period start, nobody buys in it.
        var records = Enumerable.Range(0, 40)
            .Select(i => Customer($"c{i}", i % 2 == 0 ? Every(new DateOnly(2019, 1, 1).AddDays(i), 7 + i, 1 + (i % 6)) : [new DateOnly(2019, 3, 1).AddDays(i)]))
            .ToList();
        var rig = new ScoringRig(records);

        var run = await rig.Job.RunAsync(null, default);

        Assert.Equal(40, run.Customers);
        var latest = (await rig.Metrics.LatestAsync(default))!;
        Assert.Equal(0, latest.ActiveAtStart);
        Assert.Null(latest.ChurnRate);
        Assert.Null(latest.RepeatPurchaseRate);
        Assert.Equal(0m, latest.Revenue);
        foreach (var record in records)
        {
            var score = (await rig.Scores.GetAsync(Yesterday, record.Id, default))!;
            Assert.StartsWith("churned-", score.ChurnStatus, StringComparison.Ordinal);
            Assert.Contains(score.Segment, new[] { "at-risk", "cant-lose", "hibernating", "lost" });
        }
    }

    [Fact]
    public async Task All_one_time_buyers_get_null_predictions_and_the_rule_alone_decides()
    {
        var records = Enumerable.Range(0, 30).Select(i => Customer($"c{i}", [Yesterday.AddDays(-10 * i)])).ToList();
        var rig = new ScoringRig(records);

        var run = await rig.Job.RunAsync(null, default);

        Assert.Null(run.Model);
        var latest = (await rig.Metrics.LatestAsync(default))!;
        Assert.Equal("no customer bought on a second day", latest.ModelUnavailableReason);
        var recent = (await rig.Scores.GetAsync(Yesterday, "c0", default))!;
        var old = (await rig.Scores.GetAsync(Yesterday, "c29", default))!;
        Assert.Null(recent.ProbabilityAlive);
        Assert.Null(recent.ExpectedPurchases);
        Assert.Null(recent.Clv);
        Assert.Equal("active", recent.ChurnStatus);
        Assert.Equal("churned-one-time-buyer", old.ChurnStatus); // 290 days > 180
        Assert.Equal("low", old.ValueTier);
    }

    [Fact]
    public async Task Several_currencies_are_never_added_up()
    {
        var start = new DateOnly(2024, 1, 1);
        var records = Enumerable.Range(0, 24)
            .Select(i => Customer($"c{i}", Every(start.AddDays(i), 14, 10), 10m + i, i % 2 == 0 ? "USD" : "EUR"))
            .ToList();
        var rig = new ScoringRig(records);

        await rig.Job.RunAsync(null, default);

        var latest = (await rig.Metrics.LatestAsync(default))!;
        Assert.Null(latest.Revenue);
        Assert.Null(latest.RevenueFromReturningCustomers);
        Assert.Equal(["EUR", "USD"], latest.RevenueByCurrency.Keys.Order());
        Assert.All(latest.RevenueByCurrency.Values, v => Assert.True(v > 0));
        Assert.NotNull(latest.Model);
        var highs = new List<string>();
        foreach (var record in records)
        {
            var score = (await rig.Scores.GetAsync(Yesterday, record.Id, default))!;
            Assert.NotNull(score.ExpectedSpendPerPurchase); // 12 repeat buyers per currency: each gets its own spend model
            if (score.ValueTier == "high")
            {
                highs.Add(record.Currency!);
            }
        }

        // Value tiers rank within a currency: both currencies have their own top customers.
        Assert.Contains("USD", highs);
        Assert.Contains("EUR", highs);
    }

    [Fact]
    public async Task A_run_that_fails_before_publishing_leaves_the_previous_run_in_force_logs_why_and_surfaces()
    {
        var records = Enumerable.Range(0, 12).Select(i => Customer($"c{i}", Every(new DateOnly(2024, 1, 1).AddDays(i), 10, 12))).ToList();
        var rig = new ScoringRig(records);
        await rig.Job.RunAsync(Yesterday.AddDays(-1), default);
        rig.Metrics.FailSave = new InvalidOperationException("storage unavailable");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Job.RunAsync(null, default));

        Assert.Equal("storage unavailable", thrown.Message);
        Assert.Equal(Yesterday.AddDays(-1), (await rig.Metrics.LatestAsync(default))!.Date);
        rig.Logger.Verify(
            l => l.Log(
                LogLevel.Error,
                It.IsAny<EventId>(),
                It.Is<It.IsAnyType>((state, _) => state.ToString()!.Contains("storage unavailable", StringComparison.Ordinal)),
                thrown,
                It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
    }

    [Fact]
    public async Task Rerunning_an_older_day_does_not_move_the_pointer_back()
    {
        var rig = new ScoringRig([Customer("c1", Every(new DateOnly(2024, 1, 1), 10, 12))]);
        await rig.Job.RunAsync(Yesterday, default);

        var rerun = await rig.Job.RunAsync(Yesterday.AddDays(-7), default);

        Assert.False(rerun.Published);
        Assert.Equal(Yesterday, (await rig.Metrics.LatestAsync(default))!.Date);
        Assert.Single(await rig.Metrics.ListAsync(Yesterday.AddDays(-7), Yesterday.AddDays(-7), default));
    }

    [Fact]
    public async Task Scores_use_the_one_vocabulary_and_lapsed_customers_are_never_in_good_segments()
    {
        var records = new List<CustomerRecord>();
        for (var i = 0; i < 30; i++)
        {
            // Frequent buyers: half keep buying, half stopped five months ago (lapsed by their own 7-day rhythm).
            var last = i < 15 ? Yesterday : Yesterday.AddDays(-150);
            records.Add(Customer($"c{i}", Every(last.AddDays(-7 * 20), 7, 21)));
        }

        var rig = new ScoringRig(records);

        await rig.Job.RunAsync(null, default);

        foreach (var record in records)
        {
            var score = (await rig.Scores.GetAsync(Yesterday, record.Id, default))!;
            Assert.Contains(score.Segment, ScoreNames.Segments);
            Assert.Contains(score.Tier, ScoreNames.Tiers);
            Assert.Contains(score.ValueTier, ScoreNames.ValueTiers);
            Assert.Contains(score.ChurnStatus, ScoreNames.ChurnStatuses);
            if (score.ChurnStatus != "active")
            {
                Assert.DoesNotContain(score.Segment, new[] { "champions", "loyal", "potential", "new" });
                Assert.Equal("at-risk", score.Tier);
            }
        }
    }
}
