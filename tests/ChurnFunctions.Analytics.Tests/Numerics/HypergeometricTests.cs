using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Tests.Numerics;

public sealed class HypergeometricTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.79)]
    [InlineData(0.95)]
    public void LogA1_matches_the_closed_form_of_2F1_1_1_2(double z)
    {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        var expected = Math.Log(-Math.Log(1 - z) / z);

        Assert.Equal(expected, Hypergeometric.LogA1(1, 1, z), 1e-12);
    }

    [Theory]
    [InlineData(0.7, 1.5, 0.8)]
    [InlineData(3.0, 0.6, 0.75)]
    [InlineData(50.3, 40.2, 0.6)]
    public void Series_and_integral_evaluations_agree(double a, double b, double z)
    {
        Assert.Equal(Hypergeometric.LogA1Series(a, b, z), Hypergeometric.LogA1Integral(a, b, z), 1e-10);
    }

    [Fact]
    public void LogA1_stays_finite_where_2F1_itself_overflows()
    {
        // 2F1(1000.8, 1000.3; 1001.8; 0.7) is about 0.3^-1000 = 1e523: beyond double, fine in log space.
        var log = Hypergeometric.LogA1(1000.8, 1000.3, 0.7);

        Assert.True(double.IsFinite(log));
        Assert.InRange(log, 1000 * Math.Log(1 / 0.3) - 20, 1000.3 * Math.Log(1 / 0.3) + 1);
    }

    [Fact]
    public void Series_matches_the_closed_form_of_2F1_1_1_2()
    {
        Assert.Equal(-Math.Log(0.5) / 0.5, Hypergeometric.Series(1, 1, 2, 0.5), 1e-13);
    }

    [Fact]
    public void LogDiffExp_and_LogAddExp_are_exact_in_the_easy_cases_and_finite_in_the_hard_ones()
    {
        Assert.Equal(Math.Log(3), LogMath.LogDiffExp(Math.Log(5), Math.Log(2)), 1e-14);
        Assert.Equal(Math.Log(7), LogMath.LogAddExp(Math.Log(5), Math.Log(2)), 1e-14);
        Assert.Equal(1000 + Math.Log(2), LogMath.LogAddExp(1000, 1000), 1e-12);
        Assert.Equal(double.NegativeInfinity, LogMath.LogDiffExp(3, 3));
        Assert.Equal(1e-10 - 5e-21, LogMath.Log1P(1e-10), 1e-25);
    }
}
