using ChurnFunctions.Analytics.Backtest;

namespace ChurnFunctions.Analytics.Tests.Backtest;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Auc_matches_the_textbook_example()
    {
        // scikit-learn's roc_auc_score example: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8] gives 0.75.
        Assert.Equal(0.75, ClassificationMetrics.Auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void Auc_counts_ties_half_and_is_one_or_zero_for_perfect_rankings()
    {
        Assert.Equal(0.5, ClassificationMetrics.Auc([0.5, 0.5, 0.5], [true, false, false]), 12);
        Assert.Equal(1, ClassificationMetrics.Auc([0.9, 0.8, 0.1, 0.2], [true, true, false, false]), 12);
        Assert.Equal(0, ClassificationMetrics.Auc([0.1, 0.2, 0.9, 0.8], [true, true, false, false]), 12);
        Assert.True(double.IsNaN(ClassificationMetrics.Auc([0.1, 0.2], [true, true])));
    }
}
