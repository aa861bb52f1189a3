using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Fitted Pareto/NBD model and its per-customer predictions.</summary>
public sealed class ParetoNbdModel(ParetoNbdParameters parameters, double logLikelihood = double.NaN, FitDiagnostics? diagnostics = null) : IPurchaseModel
{
    public string Name => "pareto";

    public ParetoNbdParameters Values { get; } = parameters;

    public IReadOnlyDictionary<string, double> Parameters => Values.ToDictionary();

    public double LogLikelihood { get; } = logLikelihood;

    public FitDiagnostics? Diagnostics { get; } = diagnostics;

    public double CustomerLogLikelihood(int x, double tx, double t) => ParetoNbdLikelihood.LogLikelihood(Values, x, tx, t);

    /// <summary>The alive-at-T share of the likelihood: exp(alive - logaddexp(alive, died)).</summary>
    public double ProbabilityAlive(int x, double tx, double t)
    {
        var (r, alpha, s, beta) = Values;
        var (alive, died) = ParetoNbdLikelihood.LogTerms(r, alpha, s, beta, x, tx, t);
        return Math.Exp(alive - LogMath.LogAddExp(alive, died));
    }

    /// <summary>
    /// Schmittlein et al.: P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)];
    /// the bracket over (s-1) is evaluated with expm1, and as (beta+T) ln(1 + t/(beta+T)) at s = 1.
    /// </summary>
    public double ExpectedPurchases(double horizon, int x, double tx, double t) =>
        horizon <= 0 ? 0 : ExpectedPurchasesIfAlive(horizon, x, t) * ProbabilityAlive(x, tx, t);

    public double ExpectedPurchasesIfAlive(double horizon, int x, double t)
    {
        if (horizon <= 0) return 0;
        var (r, alpha, s, beta) = Values;
        var logRatio = LogMath.Log1P(horizon / (beta + t));
        var bracket = Math.Abs(s - 1) < 1e-9 ? logRatio : -LogMath.ExpM1(-(s - 1) * logRatio) / (s - 1);
        return (r + x) / (alpha + t) * (beta + t) * bracket;
    }

    public double MedianTimeToNextPurchase(int x, double tx, double t) => LomaxWait.Median(Values.R, Values.Alpha, x, t);
}
