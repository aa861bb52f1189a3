using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Tests.Numerics;

/// <summary>Known values from Newcombe (1998), Statistics in Medicine 17: 857-872 (one proportion) and 873-890 (difference).</summary>
public sealed class ProportionIntervalTests
{
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_matches_newcombes_table(int successes, int trials, double low, double high)
    {
        var (l, h) = ProportionInterval.Wilson(successes, trials)!.Value;

        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Wilson_interval_is_exact_at_the_bounds_and_absent_without_trials()
    {
        Assert.Equal(0, ProportionInterval.Wilson(0, 5)!.Value.Low);
        Assert.Equal(1, ProportionInterval.Wilson(5, 5)!.Value.High);
        Assert.Null(ProportionInterval.Wilson(0, 0));
    }

    [Fact]
    public void Wilson_interval_narrows_with_more_trials_around_the_same_share()
    {
        var small = ProportionInterval.Wilson(3, 10)!.Value;
        var large = ProportionInterval.Wilson(300, 1000)!.Value;

        Assert.True(large.High - large.Low < (small.High - small.Low) / 5);
        Assert.InRange(0.3, large.Low, large.High);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    public void Difference_interval_matches_newcombes_method_10(int s1, int n1, int s2, int n2, double low, double high)
    {
        var (d, l, h) = ProportionInterval.Difference(s1, n1, s2, n2)!.Value;

        Assert.Equal((double)s1 / n1 - (double)s2 / n2, d, 12);
        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Difference_interval_is_antisymmetric_and_absent_when_a_period_has_no_trials()
    {
        var forward = ProportionInterval.Difference(20, 100, 35, 120)!.Value;
        var backward = ProportionInterval.Difference(35, 120, 20, 100)!.Value;

        Assert.Equal(-forward.Difference, backward.Difference, 12);
        Assert.Equal(-forward.Low, backward.High, 12);
        Assert.Equal(-forward.High, backward.Low, 12);
        Assert.Null(ProportionInterval.Difference(1, 2, 0, 0));
    }
}
