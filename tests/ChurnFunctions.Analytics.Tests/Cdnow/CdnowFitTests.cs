using Xunit.Abstractions;

namespace ChurnFunctions.Analytics.Tests.Cdnow;

/// <summary>
/// Reference fits on the full CDNOW master file, calibration 1997-01-01..1997-09-30, observation end
/// 1998-06-30, day resolution, weeks; each figure to 4 significant digits.
/// </summary>
[Collection(CdnowCollection.Name)]
public sealed class CdnowFitTests(CdnowFixture cdnow, ITestOutputHelper output)
{
    [Fact]
    public void Summary_has_every_cdnow_customer_and_the_holdout_repeat_purchases()
    {
        Assert.Equal(23_570, cdnow.Summary.Count);
        Assert.Equal(67_591, cdnow.History.PurchaseDayCount);
        Assert.Equal(19_684, cdnow.Summary.HoldoutPurchases!.Sum());
        Assert.Equal(39.0, cdnow.Summary.HoldoutLength);
    }

    [Fact]
    public void BgNbd_fit_matches_the_reference_parameters_and_log_likelihood()
    {
        var model = cdnow.BgNbd;
        output.WriteLine($"{string.Join(", ", model.Parameters.Select(p => $"{p.Key}={p.Value:R}"))} ll={model.LogLikelihood:R} {model.Diagnostics}");
        Assert.True(model.Diagnostics!.Converged);
        Assert.Equal(0.2516, Significant.Round(model.Values.R, 4));
        Assert.Equal(4.789, Significant.Round(model.Values.Alpha, 4));
        Assert.Equal(0.7234, Significant.Round(model.Values.A, 4));
        Assert.Equal(2.161, Significant.Round(model.Values.B, 4));
        Assert.Equal(-95368.44, Math.Round(model.LogLikelihood, 2), 2);
    }

    [Fact]
    public void GammaGamma_fit_on_repeat_buyers_matches_the_reference_parameters()
    {
        var model = cdnow.GammaGamma;
        output.WriteLine($"{string.Join(", ", model.Parameters.Select(p => $"{p.Key}={p.Value:R}"))} n={model.CustomersFitted} {model.Diagnostics}");
        Assert.True(model.Diagnostics!.Converged);
        Assert.Equal(6.275, Significant.Round(model.Values.P, 4));
        Assert.Equal(3.624, Significant.Round(model.Values.Q, 4));
        Assert.Equal(14.98, Significant.Round(model.Values.Gamma, 4));
    }

    [Fact]
    public void ParetoNbd_fit_reaches_the_reference_log_likelihood()
    {
        var model = cdnow.Pareto;
        output.WriteLine($"{string.Join(", ", model.Parameters.Select(p => $"{p.Key}={p.Value:R}"))} ll={model.LogLikelihood:R} {model.Diagnostics}");
        Assert.True(model.Diagnostics!.Converged);
        Assert.True(model.LogLikelihood >= -95415.12, $"log-likelihood {model.LogLikelihood}");
    }
}
