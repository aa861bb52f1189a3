using ChurnFunctions.Analytics.Business;

namespace ChurnFunctions.Analytics.Tests.Business;

public sealed class SegmentationTests
{
    [Fact]
    public void Quintiles_split_distinct_values_evenly()
    {
        double[] values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], QuantileScorer.Score(values));
    }

    [Fact]
    public void Tied_values_share_the_score_of_their_lowest_rank_whatever_the_input_order()
    {
        double[] values = [1, 1, 1, 1, 1, 1, 2, 3, 3, 4];
        double[] shuffled = [3, 1, 4, 1, 1, 2, 1, 3, 1, 1];

        Assert.Equal([1, 1, 1, 1, 1, 1, 4, 4, 4, 5], QuantileScorer.Score(values));
        Assert.Equal([4, 1, 5, 1, 1, 4, 1, 4, 1, 1], QuantileScorer.Score(shuffled));
    }

    [Fact]
    public void Rfm_recency_scores_the_most_recent_customers_highest()
    {
        var scores = RfmScorer.Score([1, 500, 30, 200, 90], [5, 1, 3, 2, 4], [50, 10, 30, 20, 40]);

        Assert.Equal([5, 1, 4, 2, 3], scores.Recency);
        Assert.Equal([5, 1, 3, 2, 4], scores.Frequency);
        Assert.Equal([5, 1, 3, 2, 4], scores.Monetary);
    }

    [Theory]
    [InlineData(5, 5, RfmSegment.Champions)]
    [InlineData(4, 4, RfmSegment.Champions)]
    [InlineData(3, 4, RfmSegment.Loyal)]
    [InlineData(4, 3, RfmSegment.Potential)]
    [InlineData(3, 2, RfmSegment.Potential)]
    [InlineData(5, 1, RfmSegment.New)]
    [InlineData(4, 1, RfmSegment.New)]
    [InlineData(3, 1, RfmSegment.Hibernating)]
    [InlineData(2, 2, RfmSegment.Hibernating)]
    [InlineData(2, 3, RfmSegment.AtRisk)]
    [InlineData(1, 4, RfmSegment.AtRisk)]
    [InlineData(2, 5, RfmSegment.CantLose)]
    [InlineData(1, 5, RfmSegment.CantLose)]
    [InlineData(2, 1, RfmSegment.Lost)]
    [InlineData(1, 2, RfmSegment.Lost)]
    public void Segment_grid_boundaries(int r, int f, RfmSegment expected) =>
        Assert.Equal(expected, SegmentRules.Segment(r, f));

    [Fact]
    public void Segments_map_to_three_tiers()
    {
        Assert.Equal(CustomerTier.HighValue, SegmentRules.Tier(RfmSegment.Loyal));
        Assert.Equal(CustomerTier.Potential, SegmentRules.Tier(RfmSegment.New));
        Assert.Equal(CustomerTier.AtRisk, SegmentRules.Tier(RfmSegment.CantLose));
        Assert.Equal(CustomerTier.AtRisk, SegmentRules.Tier(RfmSegment.Lost));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentRules.Segment(0, 3));
    }

    [Fact]
    public void Value_tiers_take_the_top_20_percent_by_clv_as_high_and_keep_ties_together()
    {
        double[] clv = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
        var tiers = ValueTierAssigner.Assign(clv, new ValueTierOptions());

        Assert.Equal([ValueTier.High, ValueTier.High, ValueTier.Medium, ValueTier.Medium, ValueTier.Medium, ValueTier.Low, ValueTier.Low, ValueTier.Low, ValueTier.Low, ValueTier.Low], tiers);

        double[] tied = [100, 90, 90, 90, 60, double.NaN];
        Assert.Equal([ValueTier.High, ValueTier.High, ValueTier.High, ValueTier.High, ValueTier.Low, ValueTier.Low], ValueTierAssigner.Assign(tied, new ValueTierOptions()));
    }

    [Fact]
    public void The_churn_status_picks_the_rows_so_segments_never_contradict_it()
    {
        RfmSegment[] good = [RfmSegment.Champions, RfmSegment.Loyal, RfmSegment.Potential, RfmSegment.New];
        RfmSegment[] lapsedOnly = [RfmSegment.AtRisk, RfmSegment.CantLose, RfmSegment.Lost];
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                foreach (var status in new[] { ChurnStatus.ChurnedGap, ChurnStatus.ChurnedOneTimeBuyer, ChurnStatus.ChurnedLowProbabilityAlive })
                {
                    Assert.DoesNotContain(SegmentRules.Segment(r, f, status), good);
                }

                Assert.DoesNotContain(SegmentRules.Segment(r, f, ChurnStatus.Active), lapsedOnly);
            }
        }

        Assert.Equal(RfmSegment.CantLose, SegmentRules.Segment(5, 5, ChurnStatus.ChurnedLowProbabilityAlive));
        Assert.Equal(RfmSegment.Loyal, SegmentRules.Segment(1, 5, ChurnStatus.Active));
    }
}
