using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Tests.Scoring;

public sealed class AtRiskReasonTests
{
    [Fact]
    public void Reason_says_cadence_silence_p_alive_and_spend_drop_in_words()
    {
        var score = Score(0.18) with { DaysSinceLastPurchase = 63, PurchaseGapDays = 20.6, SpendDrop = 0.8 };

        Assert.Equal("buys every ~21 days, last purchase 63 days ago, P(alive) 0.18, spend down 80% on its own 90-day baseline", AtRiskReason.Describe(score, 90));
    }

    [Fact]
    public void Reason_for_a_one_time_buyer_with_no_baseline_leaves_out_cadence_and_spend()
    {
        var score = Score(0.4) with { DaysSinceLastPurchase = 1, PurchaseGapDays = null, SpendDrop = null };

        Assert.Equal("bought once, last purchase 1 day ago, P(alive) 0.40", AtRiskReason.Describe(score, 90));
    }

    [Fact]
    public void Spend_that_grew_is_not_given_as_a_reason_but_abandoned_categories_are()
    {
        var score = Score(0.5) with { DaysSinceLastPurchase = 30, PurchaseGapDays = 10, SpendDrop = -0.4, AbandonedCategories = ["shoes", "bags"] };

        Assert.Equal("buys every ~10 days, last purchase 30 days ago, P(alive) 0.50, stopped buying shoes, bags", AtRiskReason.Describe(score, 90));
    }

    [Fact]
    public void A_score_written_before_the_figures_were_kept_still_gets_a_reason()
    {
        Assert.Equal("P(alive) 0.20", AtRiskReason.Describe(Score(0.2), 90));
        Assert.Equal("scored lost", AtRiskReason.Describe(Score(null), 90));
    }

    internal static CustomerScore Score(double? alive, double? clv = 100, string id = "c1") =>
        new(id, new DateOnly(2024, 3, 31), alive, 1, 365, null, 20, clv, 1, 1, 1, "lost", "at-risk", "low", "lost", false, []);
}
