using ChurnFunctions.Analytics.Business;

namespace ChurnFunctions.Analytics.Tests.Business;

public sealed class CategoryAbandonmentDetectorTests
{
    private static readonly CategoryAbandonmentOptions Defaults = new();

    [Fact]
    public void Regular_category_silent_for_twice_its_gap_and_at_least_60_days_is_abandoned()
    {
        // Category 1 on days 700, 740, 780 (gap 40 -> threshold max(80, 60) = 80); category 2 keeps going.
        int[] days = [700, 740, 780, 700, 800, 855];
        int[] categories = [1, 1, 1, 2, 2, 2];

        var abandoned = CategoryAbandonmentDetector.Detect(days, categories, 860, Defaults);

        var only = Assert.Single(abandoned);
        Assert.Equal(1, only.Category);
        Assert.Equal(40, only.MeanGapDays);
        Assert.Equal(80, only.ThresholdDays);
        Assert.Equal(80, only.SilenceDays);
        Assert.True(only.StillBuyingOtherCategories);
        Assert.True(only.IsCategoryLoss);
        Assert.Empty(CategoryAbandonmentDetector.Detect(days, categories, 859, Defaults));
    }

    [Fact]
    public void A_customer_silent_in_every_category_is_churn_not_a_category_loss()
    {
        // Both categories stop on day 780; the other one was bought last, but the customer has been silent since.
        int[] days = [700, 740, 780, 700, 740, 781];
        int[] categories = [1, 1, 1, 2, 2, 2];

        var abandoned = CategoryAbandonmentDetector.Detect(days, categories, 900, Defaults);

        Assert.Equal(2, abandoned.Count);
        Assert.All(abandoned, a => Assert.False(a.IsCategoryLoss));
        Assert.Equal(119, abandoned.Single(a => a.Category == 2).CustomerSilenceDays);
    }

    [Fact]
    public void Short_gaps_still_need_60_days_of_silence()
    {
        int[] days = [900, 905, 910];
        int[] categories = [3, 3, 3];

        Assert.Empty(CategoryAbandonmentDetector.Detect(days, categories, 969, Defaults));
        Assert.Single(CategoryAbandonmentDetector.Detect(days, categories, 970, Defaults));
    }

    [Fact]
    public void Category_bought_on_fewer_than_three_days_in_the_window_is_not_regular()
    {
        // Same-day rows count once, and day 400 is outside the 365-day window ending on day 1000.
        int[] days = [400, 700, 700, 750];
        int[] categories = [5, 5, 5, 5];

        Assert.Empty(CategoryAbandonmentDetector.Detect(days, categories, 1000, Defaults));
    }
}
