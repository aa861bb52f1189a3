using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Fitted MBG/NBD model: unlike BG/NBD it gives one-time buyers a P(alive) below 1.</summary>
public sealed class ModifiedBgNbdModel(ModifiedBgNbdParameters parameters, double logLikelihood = double.NaN, FitDiagnostics? diagnostics = null) : IPurchaseModel
{
    public string Name => "mbgnbd";

    public ModifiedBgNbdParameters Values { get; } = parameters;

    public IReadOnlyDictionary<string, double> Parameters => Values.ToDictionary();

    public double LogLikelihood { get; } = logLikelihood;

    public FitDiagnostics? Diagnostics { get; } = diagnostics;

    public double CustomerLogLikelihood(int x, double tx, double t) => ModifiedBgNbdLikelihood.LogLikelihood(Values, x, tx, t);

    /// <summary>1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x)), in log space.</summary>
    public double ProbabilityAlive(int x, double tx, double t)
    {
        var (r, alpha, a, b) = Values;
        var logOdds = Math.Log(a) - Math.Log(b + x) + (r + x) * (Math.Log(alpha + t) - Math.Log(alpha + tx));
        return Math.Exp(-LogMath.Softplus(logOdds));
    }

    /// <summary>
    /// (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] P(alive), with the same
    /// Euler fold as BG/NBD: (1-z)^(a-1) 2F1(a+b-r, a-1; a+b+x; z).
    /// </summary>
    public double ExpectedPurchases(double horizon, int x, double tx, double t) =>
        horizon <= 0 ? 0 : ExpectedPurchasesIfAlive(horizon, x, t) * ProbabilityAlive(x, tx, t);

    public double ExpectedPurchasesIfAlive(double horizon, int x, double t)
    {
        if (horizon <= 0) return 0;
        var (r, alpha, a, b) = Values;
        var z = horizon / (alpha + t + horizon);
        var folded = Math.Exp((a - 1) * LogMath.Log1P(-z)) * Hypergeometric.Series(a + b - r, a - 1, a + b + x, z);
        return (a + b + x) / (a - 1) * (1 - folded);
    }

    public double MedianTimeToNextPurchase(int x, double tx, double t) => LomaxWait.Median(Values.R, Values.Alpha, x, t);
}
