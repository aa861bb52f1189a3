using System.Diagnostics;
using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Runs BFGS in log-parameter space and packages the end state as <see cref="FitDiagnostics"/>.</summary>
internal static class PurchaseModelFitter
{
    public static (double[] Parameters, double MeanNegativeLogLikelihood, FitDiagnostics Diagnostics) Fit(
        ObjectiveFunction objective, double[] startParameters, OptimizerOptions options, string method, long startTimestamp)
    {
        var start = new double[startParameters.Length];
        for (var i = 0; i < start.Length; i++) start[i] = Math.Log(startParameters[i]);
        var result = Bfgs.Minimize(objective, start, options);
        var parameters = new double[start.Length];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = Math.Exp(result.Point[i]);
        var diagnostics = new FitDiagnostics(method, result.Iterations, result.Evaluations, result.GradientNorm, result.Converged,
            Stopwatch.GetElapsedTime(startTimestamp));
        return (parameters, result.Value, diagnostics);
    }
}
