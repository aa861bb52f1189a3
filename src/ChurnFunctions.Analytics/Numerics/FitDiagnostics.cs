namespace ChurnFunctions.Analytics.Numerics;

/// <summary>How a maximum-likelihood fit ended.</summary>
/// <param name="Method">Optimiser used, e.g. "BFGS (analytic gradient)".</param>
/// <param name="Iterations">Optimiser iterations.</param>
/// <param name="FunctionEvaluations">Likelihood evaluations, gradient evaluations included.</param>
/// <param name="GradientNorm">Max-norm of the gradient of the mean negative log-likelihood in log-parameter space at the end.</param>
/// <param name="Converged">True when the gradient test passed (not merely the iteration cap).</param>
/// <param name="Elapsed">Wall time of the fit, grouping included.</param>
public sealed record FitDiagnostics(
    string Method,
    int Iterations,
    int FunctionEvaluations,
    double GradientNorm,
    bool Converged,
    TimeSpan Elapsed);
