using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Tests.Alerts;

public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 1, 2, 30, 0, TimeSpan.Zero);
    private static readonly AlertOptions Options = new() { ChurnRateThreshold = 0.3, ChurnRateIncreasePercent = 20, CategoryAbandonmentMinCustomers = 5 };

    [Fact]
    public void Churn_rate_above_the_threshold_raises_an_alert()
    {
        var alerts = AlertRules.Evaluate(Snapshot(churned: 40, activeAtStart: 100), [], [], Options, Now);

        Assert.Single(alerts, a => a.Condition == "churn-rate-above-threshold");
    }

    [Fact]
    public void Churn_rate_at_the_threshold_raises_nothing()
    {
        Assert.Empty(AlertRules.Evaluate(Snapshot(churned: 30, activeAtStart: 100), [], [], Options, Now));
    }

    [Fact]
    public void Churn_rate_rising_more_than_the_percentage_over_the_trailing_mean_raises_an_alert()
    {
        var trailing = new[] { Snapshot(10, 100), Snapshot(20, 100) };

        var rising = AlertRules.Evaluate(Snapshot(19, 100), trailing, [], Options, Now);
        var steady = AlertRules.Evaluate(Snapshot(18, 100), trailing, [], Options, Now);

        Assert.Single(rising, a => a.Condition == "churn-rate-rising");
        Assert.Empty(steady);
    }

    [Fact]
    public void A_top_customer_is_reported_when_it_falls_below_the_threshold_not_while_it_stays_below()
    {
        var score = Score("c1", 0.2);

        var fell = AlertRules.Evaluate(Snapshot(0, 100), [], [(score, 0.8)], Options, Now);
        var stayed = AlertRules.Evaluate(Snapshot(0, 100), [], [(score, 0.3)], Options, Now);
        var firstScore = AlertRules.Evaluate(Snapshot(0, 100), [], [(score, null)], Options, Now);

        Assert.Single(fell, a => a.Condition == "top-customer-slipping:c1");
        Assert.Empty(stayed);
        Assert.Single(firstScore);
    }

    [Fact]
    public void A_jump_in_customers_abandoning_a_category_raises_an_alert_above_the_minimum_count()
    {
        var trailing = new[] { Snapshot(0, 100, new() { ["Shoes"] = 4 }), Snapshot(0, 100, new() { ["Shoes"] = 4 }) };

        var jump = AlertRules.Evaluate(Snapshot(0, 100, new() { ["Shoes"] = 7, ["Hats"] = 4 }), trailing, [], Options, Now);

        var alert = Assert.Single(jump);
        Assert.Equal("category-abandonment:Shoes", alert.Condition);
    }

    private static MetricsSnapshot Snapshot(int churned, int activeAtStart, Dictionary<string, int>? categories = null) => new(
        new DateOnly(2024, 3, 31), Now, new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 31), activeAtStart, activeAtStart, churned,
        activeAtStart == 0 ? 0 : (double)churned / activeAtStart, 0.5, 0.1, activeAtStart - churned, 0, 0m, 0m, 0,
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), categories ?? [], "mbgnbd",
        new Dictionary<string, double>(), 0);

    private static CustomerScore Score(string id, double pAlive) => new(
        id, new DateOnly(2024, 3, 31), pAlive, 0.5, 90, null, 30, 900, 3, 5, 5, "Champions", "HighValue", "High", "Active", false, []);
}
