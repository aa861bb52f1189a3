using System.Diagnostics;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Maximum-likelihood Gamma-Gamma fit on repeat buyers (x &gt; 0) with positive mean spend.</summary>
public static class GammaGammaFitter
{
    public static GammaGammaModel Fit(CustomerSummary summary, OptimizerOptions? options = null)
    {
        if (!summary.HasMonetary) throw new InvalidOperationException("The summary has no spend amounts; the spend model cannot be fitted.");
        return Fit(summary.Frequency, summary.MonetaryValue, options);
    }

    /// <summary>Customers with x = 0 or non-positive mean spend are skipped (the model needs both positive).</summary>
    public static GammaGammaModel Fit(ReadOnlySpan<int> frequency, ReadOnlySpan<double> meanSpend, OptimizerOptions? options = null)
    {
        var started = Stopwatch.GetTimestamp();
        var n = 0;
        for (var i = 0; i < frequency.Length; i++)
            if (frequency[i] > 0 && meanSpend[i] > 0) n++;
        if (n == 0) throw new ArgumentException("No repeat buyers with positive spend.", nameof(frequency));

        var x = new int[n];
        var m = new double[n];
        var k = 0;
        double total = 0;
        for (var i = 0; i < frequency.Length; i++)
        {
            if (frequency[i] <= 0 || meanSpend[i] <= 0) continue;
            x[k] = frequency[i];
            m[k] = meanSpend[i];
            total += meanSpend[i];
            k++;
        }

        Array.Sort(x, m); // equal x adjacent: gamma/digamma once per x
        var start = new[] { 1.0, 1.0, total / n };
        var (p, mean, diagnostics) = PurchaseModelFitter.Fit(
            (lp, g) => GammaGammaLikelihood.MeanNegative(x, m, lp, g), start, options ?? new OptimizerOptions(), "BFGS (analytic gradient)", started);
        return new GammaGammaModel(new GammaGammaParameters(p[0], p[1], p[2]), -mean * n, n, diagnostics);
    }
}
