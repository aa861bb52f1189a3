using System.Diagnostics;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// Maximum-likelihood Pareto/NBD fit. The gradient is by finite differences (see NumericGradient): differentiating the 2F1
/// in its parameters costs more than the 8 extra likelihood passes over the grouped triples.
/// </summary>
public static class ParetoNbdFitter
{
    public static ParetoNbdModel Fit(CustomerSummary summary, OptimizerOptions? options = null)
    {
        var started = Stopwatch.GetTimestamp();
        return Fit(FrequencyGroups.From(summary), options, started);
    }

    public static ParetoNbdModel Fit(FrequencyGroups groups, OptimizerOptions? options = null) => Fit(groups, options, Stopwatch.GetTimestamp());

    private static ParetoNbdModel Fit(FrequencyGroups groups, OptimizerOptions? options, long started)
    {
        if (groups.Count == 0) throw new ArgumentException("No customers to fit.", nameof(groups));
        options ??= new OptimizerOptions { GradientTolerance = 1e-7 };
        var scale = StartScale.Alpha(groups);
        var start = new[] { 1.0, scale, 1.0, scale };
        var (p, mean, diagnostics) = PurchaseModelFitter.Fit(
            NumericGradient.Wrap(x => ParetoNbdLikelihood.MeanNegative(groups, x)), start, options, "BFGS (finite-difference gradient: forward, then central near the optimum)", started);
        return new ParetoNbdModel(new ParetoNbdParameters(p[0], p[1], p[2], p[3]), -mean * groups.TotalWeight, diagnostics);
    }
}
