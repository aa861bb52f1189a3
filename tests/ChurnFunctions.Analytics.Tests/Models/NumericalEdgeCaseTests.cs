using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Tests.Models;

public sealed class NumericalEdgeCaseTests
{
    private static readonly BgNbdModel BgNbd = new(new BgNbdParameters(0.2516, 4.789, 0.7234, 2.161));
    private static readonly ModifiedBgNbdModel Modified = new(new ModifiedBgNbdParameters(0.25, 4.8, 0.7, 2.2));
    private static readonly ParetoNbdModel Pareto = new(new ParetoNbdParameters(0.5974, 11.59, 0.5222, 8.828));

    public static TheoryData<string> Models => ["bgnbd", "mbgnbd", "pareto"];

    private static IPurchaseModel Get(string name) => name switch { "bgnbd" => BgNbd, "mbgnbd" => Modified, _ => Pareto };

    [Theory]
    [MemberData(nameof(Models))]
    public void Heavy_buyer_silent_for_90_weeks_has_probability_alive_zero_without_overflow(string name)
    {
        var model = Get(name);

        var alive = model.ProbabilityAlive(1000, 10, 100);
        var expected = model.ExpectedPurchases(52, 1000, 10, 100);
        var ll = model.CustomerLogLikelihood(1000, 10, 100);

        Assert.True(alive < 1e-300, $"P(alive) = {alive}");
        Assert.False(double.IsNaN(alive));
        Assert.True(double.IsFinite(expected) && expected >= 0 && expected < 1e-290, $"E = {expected}");
        Assert.True(double.IsFinite(ll), $"ll = {ll}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Heavy_recent_buyer_is_alive_and_expected_to_keep_buying(string name)
    {
        var model = Get(name);

        Assert.True(model.ProbabilityAlive(1000, 99.9, 100) > 0.99);
        Assert.True(model.ExpectedPurchases(10, 1000, 99.9, 100) is > 50 and < 200);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Customer_without_repeat_purchases_gets_finite_predictions(string name)
    {
        var model = Get(name);

        var alive = model.ProbabilityAlive(0, 0, 30);
        Assert.InRange(alive, 0, 1);
        Assert.True(double.IsFinite(model.ExpectedPurchases(39, 0, 0, 30)));
        Assert.True(double.IsFinite(model.CustomerLogLikelihood(0, 0, 30)));
        Assert.True(double.IsFinite(model.CustomerLogLikelihood(0, 0, 0)));
        Assert.Equal(0, model.ExpectedPurchases(0, 0, 0, 30));
    }

    [Fact]
    public void BgNbd_gives_every_one_time_buyer_probability_alive_one_and_MbgNbd_does_not()
    {
        Assert.Equal(1.0, BgNbd.ProbabilityAlive(0, 0, 70));
        Assert.True(Modified.ProbabilityAlive(0, 0, 70) < 0.9);
    }

    [Fact]
    public void Expected_purchases_grow_with_the_horizon_and_never_exceed_the_no_dropout_bound()
    {
        double previous = 0;
        foreach (var horizon in new[] { 1.0, 10, 52, 104, 520 })
        {
            var e = BgNbd.ExpectedPurchases(horizon, 3, 20, 30);
            Assert.True(e > previous);
            // Without dropout E[N] = (r+x)/(alpha+T) * t; dropout can only lower it.
            Assert.True(e <= (0.2516 + 3) / (4.789 + 30) * horizon);
            previous = e;
        }
    }

    [Fact]
    public void Pareto_handles_equal_purchase_and_dropout_scales()
    {
        var model = new ParetoNbdModel(new ParetoNbdParameters(0.6, 10, 0.5, 10));

        Assert.True(double.IsFinite(model.CustomerLogLikelihood(3, 12, 30)));
        Assert.InRange(model.ProbabilityAlive(3, 12, 30), 0, 1);
    }

    [Fact]
    public void Pareto_expected_purchases_are_continuous_through_s_equal_one()
    {
        var below = new ParetoNbdModel(new ParetoNbdParameters(0.6, 10, 1 - 1e-7, 8)).ExpectedPurchases(39, 2, 20, 30);
        var at = new ParetoNbdModel(new ParetoNbdParameters(0.6, 10, 1, 8)).ExpectedPurchases(39, 2, 20, 30);

        Assert.Equal(below, at, 1e-6);
    }

    [Fact]
    public void Median_wait_to_next_purchase_halves_the_lomax_survival()
    {
        var wait = BgNbd.MedianTimeToNextPurchase(2, 10, 20);

        // P(no purchase in w | alive) = ((alpha+T)/(alpha+T+w))^(r+x) = 1/2
        Assert.Equal(0.5, Math.Pow((4.789 + 20) / (4.789 + 20 + wait), 0.2516 + 2), 1e-12);
    }
}
