using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Runner;

/// <summary>One fitted model in a fit run.</summary>
/// <param name="Model">bgnbd, pareto, mbgnbd or gg.</param>
/// <param name="Parameters">By name: r, alpha, a, b / r, alpha, s, beta / p, q, gamma.</param>
/// <param name="LogLikelihood">Summed over the customers fitted (all calibration customers; gg: repeat buyers with positive spend).</param>
/// <param name="Holdout">Purchase models only.</param>
public sealed record ModelFitReport(
    string Model,
    IReadOnlyDictionary<string, double> Parameters,
    double LogLikelihood,
    int CustomersFitted,
    int Iterations,
    bool Converged,
    double GradientNorm,
    double ElapsedMilliseconds,
    HoldoutComparison? Holdout);
