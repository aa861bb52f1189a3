using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Analytics.Numerics;

/// <summary>Stopping rules for the maximum-likelihood fits.</summary>
public sealed class OptimizerOptions
{
    public const string SectionName = "Analytics:Optimizer";

    /// <summary>Stop when every gradient component of the mean negative log-likelihood (log-parameters) is below this.</summary>
    [Range(1e-14, 1e-2)]
    public double GradientTolerance { get; set; } = 1e-8;

    /// <summary>Hard cap on iterations; hitting it reports Converged = false.</summary>
    [Range(1, 100_000)]
    public int MaxIterations { get; set; } = 500;

    /// <summary>Largest change of any log-parameter in one step; keeps trial points away from overflow.</summary>
    [Range(0.1, 50)]
    public double MaxStep { get; set; } = 5;
}
