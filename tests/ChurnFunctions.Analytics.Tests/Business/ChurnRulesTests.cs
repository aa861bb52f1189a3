using ChurnFunctions.Analytics.Business;

namespace ChurnFunctions.Analytics.Tests.Business;

public sealed class ChurnRulesTests
{
    private static readonly ChurnOptions Defaults = new();

    [Fact]
    public void Repeat_buyer_is_active_on_the_day_silence_equals_three_mean_gaps_and_churned_the_day_after()
    {
        int[] days = [100, 110, 120]; // mean gap 10, limit 30 days of silence

        Assert.Equal(ChurnStatus.Active, ChurnRules.Classify(days, 150, Defaults));
        Assert.Equal(ChurnStatus.ChurnedGap, ChurnRules.Classify(days, 151, Defaults));
    }

    [Fact]
    public void One_time_buyer_churns_after_180_days()
    {
        int[] days = [1000];

        Assert.Equal(ChurnStatus.Active, ChurnRules.Classify(days, 1180, Defaults));
        Assert.Equal(ChurnStatus.ChurnedOneTimeBuyer, ChurnRules.Classify(days, 1181, Defaults));
    }

    [Fact]
    public void Low_probability_alive_churns_an_otherwise_recent_customer()
    {
        int[] days = [100, 110];

        Assert.Equal(ChurnStatus.ChurnedLowProbabilityAlive, ChurnRules.Classify(days, 111, Defaults, probabilityAlive: 0.29));
        Assert.Equal(ChurnStatus.Active, ChurnRules.Classify(days, 111, Defaults, probabilityAlive: 0.3));
    }

    [Fact]
    public void Purchases_after_the_as_of_day_are_ignored()
    {
        int[] days = [100, 200];

        Assert.Equal(ChurnStatus.NotYetCustomer, ChurnRules.Classify(days, 99, Defaults));
        Assert.Equal(ChurnStatus.Active, ChurnRules.Classify(days, 150, Defaults)); // one-time buyer as of day 150
    }

    [Fact]
    public void Options_change_the_limits()
    {
        var options = new ChurnOptions { GapMultiple = 1, OneTimeBuyerDays = 30 };

        Assert.Equal(ChurnStatus.ChurnedGap, ChurnRules.Classify([0, 10], 21, options));
        Assert.Equal(ChurnStatus.ChurnedOneTimeBuyer, ChurnRules.Classify([0], 31, options));
    }
}
