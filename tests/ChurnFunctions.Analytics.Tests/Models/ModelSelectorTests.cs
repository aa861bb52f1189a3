using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Tests.Models;

public sealed class ModelSelectorTests
{
    private static readonly CustomerSummary Summary = new(
        [1, 2, 3], [0, 0, 0], [0, 3, 10], [0, 140, 250], [270, 270, 270], [0, 0, 0], calibrationEndDay: 270, hasMonetary: false,
        holdoutPurchases: [0, 1, 6], observationEndDay: 270 + 273);

    [Fact]
    public void Selector_picks_the_model_with_the_lowest_per_customer_holdout_error()
    {
        var good = new BgNbdModel(new BgNbdParameters(0.5, 10, 0.8, 2.5));
        var poor = new ModifiedBgNbdModel(new ModifiedBgNbdParameters(50, 1, 0.01, 100)); // about 50 purchases a week

        var selection = ModelSelector.Choose(Summary, [poor, good]);

        Assert.Same(good, selection.Chosen);
        Assert.True(selection.Candidates["mbgnbd"].MeanAbsoluteError > selection.Candidates["bgnbd"].MeanAbsoluteError);
        Assert.Equal(7, selection.Candidates["bgnbd"].ActualPurchases);
    }

    [Fact]
    public void Selector_keeps_the_first_candidate_on_a_tie()
    {
        var a = new BgNbdModel(new BgNbdParameters(0.3, 5, 0.8, 2.5));
        var b = new ModifiedBgNbdModel(new ModifiedBgNbdParameters(0.3, 5, 0.8, 2.5));

        var selection = ModelSelector.Choose(Summary, [a, a]);

        Assert.Same(a, selection.Chosen);
        Assert.NotNull(ModelSelector.Choose(Summary, [b, a]).Chosen);
    }
}
