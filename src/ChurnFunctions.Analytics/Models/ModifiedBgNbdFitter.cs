using System.Diagnostics;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Maximum-likelihood MBG/NBD fit on grouped triples with the analytic gradient.</summary>
public static class ModifiedBgNbdFitter
{
    public static ModifiedBgNbdModel Fit(CustomerSummary summary, OptimizerOptions? options = null)
    {
        var started = Stopwatch.GetTimestamp();
        return Fit(FrequencyGroups.From(summary), options, started);
    }

    public static ModifiedBgNbdModel Fit(FrequencyGroups groups, OptimizerOptions? options = null) => Fit(groups, options, Stopwatch.GetTimestamp());

    private static ModifiedBgNbdModel Fit(FrequencyGroups groups, OptimizerOptions? options, long started)
    {
        if (groups.Count == 0) throw new ArgumentException("No customers to fit.", nameof(groups));
        var start = new[] { 1.0, StartScale.Alpha(groups), 1.0, 1.0 };
        var (p, mean, diagnostics) = PurchaseModelFitter.Fit(
            (x, g) => ModifiedBgNbdLikelihood.MeanNegative(groups, x, g), start, options ?? new OptimizerOptions(), "BFGS (analytic gradient)", started);
        return new ModifiedBgNbdModel(new ModifiedBgNbdParameters(p[0], p[1], p[2], p[3]), -mean * groups.TotalWeight, diagnostics);
    }
}
