using ChurnFunctions.Analytics.Business;

namespace ChurnFunctions.Analytics.Tests.Business;

public sealed class PartialChurnDetectorTests
{
    private static readonly PartialChurnOptions Defaults = new(); // trailing 90, baseline 365, drop 80%

    [Fact]
    public void Spend_falling_by_80_percent_of_the_baseline_rate_is_partial_churn()
    {
        // As of day 1000: baseline window (545, 910], trailing (910, 1000]. Baseline 365 x 4 = 1460 -> 360 per 90 days.
        // Day 500 lies before the baseline window: it only shows the customer is older than the window.
        int[] days = [500, 600, 700, 800, 900, 950];
        double[] amounts = [1000, 365, 365, 365, 365, 72];

        var result = PartialChurnDetector.Evaluate(days, amounts, 1000, Defaults);

        Assert.True(result.HasBaseline);
        Assert.Equal(360, result.BaselineSpend, 1e-9);
        Assert.Equal(0.8, result.Drop, 1e-12);
        Assert.True(result.IsPartialChurn);
    }

    [Fact]
    public void Spend_falling_by_less_than_80_percent_is_not_partial_churn()
    {
        var result = PartialChurnDetector.Evaluate([500, 600, 700, 800, 900, 950], [1000, 365, 365, 365, 365, 73], 1000, Defaults);

        Assert.False(result.IsPartialChurn);
    }

    [Fact]
    public void Newer_customer_baseline_is_scaled_to_the_days_actually_covered()
    {
        // First purchase day 731: covered baseline = 910 - 731 + 1 = 180 days with 200 spent -> 100 per 90 days.
        var result = PartialChurnDetector.Evaluate([731, 800], [100, 100], 1000, Defaults);

        Assert.Equal(100, result.BaselineSpend, 1e-9);
        Assert.True(result.IsPartialChurn); // nothing in the trailing window
    }

    [Fact]
    public void Customer_younger_than_the_minimum_baseline_has_no_baseline()
    {
        var result = PartialChurnDetector.Evaluate([880, 950], [100, 10], 1000, Defaults);

        Assert.False(result.HasBaseline);
        Assert.False(result.IsPartialChurn);
    }
}
