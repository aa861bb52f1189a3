using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class UpliftCalculatorTests
{
    [Theory]
    // Newcombe (1998), Table II, method 10: examples (a), (c) and (e), the last with a zero count.
    [InlineData(56, 70, 48, 80, 0.2000, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.6000, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, 0.0893, -0.0381, 0.1926)]
    public void Interval_matches_newcombes_published_values(int x1, int n1, int x2, int n2, double d, double lower, double upper)
    {
        var result = UpliftCalculator.Calculate(new GroupOutcome(n1, x1, 0m), new GroupOutcome(n2, x2, 0m));

        Assert.Equal(d, result.AbsoluteUplift!.Value, 4);
        Assert.Equal(lower, result.LowerBound!.Value, 4);
        Assert.Equal(upper, result.UpperBound!.Value, 4);
    }

    [Fact]
    public void Rates_relative_uplift_and_revenue_are_computed_by_hand()
    {
        // 120/1000 = 12% vs 8/100 = 8%: +4 points, +50% relative. Revenue 6000/1000 = 6.00 vs 300/100 = 3.00 per customer.
        var result = UpliftCalculator.Calculate(new GroupOutcome(1000, 120, 6000m), new GroupOutcome(100, 8, 300m));

        Assert.Equal(0.12, result.TreatmentRate!.Value, 12);
        Assert.Equal(0.08, result.HoldoutRate!.Value, 12);
        Assert.Equal(0.04, result.AbsoluteUplift!.Value, 12);
        Assert.Equal(0.5, result.RelativeUplift!.Value, 12);
        Assert.Equal(6m, result.TreatmentRevenuePerCustomer);
        Assert.Equal(3m, result.HoldoutRevenuePerCustomer);
        Assert.Equal(3000m, result.IncrementalRevenue);
        Assert.Equal(-0.0324, result.LowerBound!.Value, 4);
        Assert.Equal(0.0845, result.UpperBound!.Value, 4);
        Assert.False(result.IsSignificant);
    }

    [Fact]
    public void Zero_conversions_in_both_groups_give_a_symmetric_interval_around_zero()
    {
        // Wilson upper bound for 0/50 is z^2 / (50 + z^2) = 0.071348.
        var result = UpliftCalculator.Calculate(new GroupOutcome(50, 0, 0m), new GroupOutcome(50, 0, 0m));

        Assert.Equal(0, result.AbsoluteUplift!.Value, 12);
        Assert.Equal(-0.071348, result.LowerBound!.Value, 6);
        Assert.Equal(0.071348, result.UpperBound!.Value, 6);
        Assert.Null(result.RelativeUplift);
    }

    [Fact]
    public void An_empty_group_gives_no_rate_and_no_uplift()
    {
        var result = UpliftCalculator.Calculate(new GroupOutcome(100, 10, 500m), new GroupOutcome(0, 0, 0m));

        Assert.Equal(0.1, result.TreatmentRate!.Value, 12);
        Assert.Null(result.HoldoutRate);
        Assert.Null(result.AbsoluteUplift);
        Assert.Null(result.LowerBound);
        Assert.Null(result.UpperBound);
        Assert.Null(result.IncrementalRevenue);
        Assert.False(result.IsSignificant);
    }

    [Fact]
    public void All_converted_stays_inside_minus_one_to_one()
    {
        var result = UpliftCalculator.Calculate(new GroupOutcome(20, 20, 0m), new GroupOutcome(20, 0, 0m));

        Assert.Equal(1, result.AbsoluteUplift!.Value, 12);
        Assert.True(result.UpperBound <= 1);
        Assert.True(result.LowerBound > 0.6);
        Assert.True(result.IsSignificant);
    }

    [Fact]
    public void Wilson_interval_for_zero_successes_starts_at_zero()
    {
        var (lower, upper) = UpliftCalculator.Wilson(0, 50);

        Assert.Equal(0, lower);
        Assert.Equal(0.071348, upper, 6);
    }

    [Fact]
    public void Counts_that_do_not_add_up_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => UpliftCalculator.Calculate(new GroupOutcome(10, 11, 0m), new GroupOutcome(10, 1, 0m)));
        Assert.Throws<ArgumentException>(() => UpliftCalculator.Calculate(new GroupOutcome(10, 1, 0m), new GroupOutcome(-1, 0, 0m)));
    }
}
