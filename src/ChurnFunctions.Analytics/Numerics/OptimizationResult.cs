namespace ChurnFunctions.Analytics.Numerics;

/// <summary>Minimiser output: the point, the value there and how the run ended.</summary>
internal sealed record OptimizationResult(
    double[] Point,
    double Value,
    int Iterations,
    int Evaluations,
    double GradientNorm,
    bool Converged);
