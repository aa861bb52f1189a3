using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Tests.Models;

public sealed class ScoringTests
{
    private static readonly BgNbdModel Model = new(new BgNbdParameters(0.25, 4.8, 0.72, 2.16));
    private static readonly GammaGammaModel Spend = new(new GammaGammaParameters(6.275, 3.624, 14.98));

    [Fact]
    public void Clv_without_discount_is_expected_spend_times_expected_purchases_over_the_horizon()
    {
        var options = new ScoringOptions { ClvMonths = 12, MonthlyDiscountRate = 0 };

        var clv = ClvCalculator.Clv(Model, 40, 3, 20, 30, options);

        Assert.Equal(40 * Model.ExpectedPurchases(12 * 4.345, 3, 20, 30), clv, 1e-9);
    }

    [Fact]
    public void Clv_falls_as_the_discount_rate_rises()
    {
        var low = ClvCalculator.Clv(Model, 40, 3, 20, 30, new ScoringOptions { MonthlyDiscountRate = 0.01 });
        var high = ClvCalculator.Clv(Model, 40, 3, 20, 30, new ScoringOptions { MonthlyDiscountRate = 0.05 });

        Assert.True(high < low);
    }

    [Fact]
    public void Gamma_gamma_expected_spend_shrinks_a_customer_mean_towards_the_population_mean()
    {
        var population = 6.275 * 14.98 / (3.624 - 1);

        Assert.Equal(population, Spend.ExpectedSpend(0, 0), 1e-12);
        var spend = Spend.ExpectedSpend(2, 100);
        Assert.InRange(spend, population, 100);
    }

    [Fact]
    public void Next_purchase_date_is_clamped_when_the_median_wait_is_astronomical()
    {
        var summary = new CustomerSummary([1], [700_000], [0], [0], [70], [0], calibrationEndDay: 700_070, hasMonetary: false);
        var sluggish = new BgNbdModel(new BgNbdParameters(0.001, 4.8, 0.72, 2.16));

        var scores = CustomerScorer.Score(summary, sluggish);

        Assert.Equal(DateOnly.MaxValue, scores.ExpectedNextPurchaseDate(0));
        Assert.True(double.IsNaN(scores.Clv[0]));
    }

    [Fact]
    public void Scorer_fills_every_prediction_and_dates_the_next_purchase_from_the_summary_end()
    {
        var summary = new CustomerSummary([1, 2], [100, 150], [0, 4], [0, 70], [200, 150], [0, 30], calibrationEndDay: 300, hasMonetary: true);

        var scores = CustomerScorer.Score(summary, Model, Spend);

        Assert.Equal(1.0, scores.ProbabilityAlive[0]);
        Assert.All(scores.Clv, v => Assert.True(v > 0));
        Assert.Equal(300 + (int)Math.Round(scores.MedianWeeksToNextPurchase[1] * 7), scores.ExpectedNextPurchaseDay[1]);
    }
}
