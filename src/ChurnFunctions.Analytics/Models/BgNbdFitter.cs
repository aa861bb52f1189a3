using System.Diagnostics;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Maximum-likelihood BG/NBD fit on grouped (x, t_x, T) triples with the analytic gradient.</summary>
public static class BgNbdFitter
{
    public static BgNbdModel Fit(CustomerSummary summary, OptimizerOptions? options = null)
    {
        var started = Stopwatch.GetTimestamp();
        return Fit(FrequencyGroups.From(summary), options, started);
    }

    public static BgNbdModel Fit(FrequencyGroups groups, OptimizerOptions? options = null) => Fit(groups, options, Stopwatch.GetTimestamp());

    private static BgNbdModel Fit(FrequencyGroups groups, OptimizerOptions? options, long started)
    {
        if (groups.Count == 0) throw new ArgumentException("No customers to fit.", nameof(groups));
        // Start where lifetimes effectively starts: all ones after rescaling time so the oldest customer is 10 units old.
        var start = new[] { 1.0, StartScale.Alpha(groups), 1.0, 1.0 };
        var (p, mean, diagnostics) = PurchaseModelFitter.Fit(
            (x, g) => BgNbdLikelihood.MeanNegative(groups, x, g), start, options ?? new OptimizerOptions(), "BFGS (analytic gradient)", started);
        return new BgNbdModel(new BgNbdParameters(p[0], p[1], p[2], p[3]), -mean * groups.TotalWeight, diagnostics);
    }
}
