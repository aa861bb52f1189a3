using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Fitted (or given) BG/NBD model and its per-customer predictions.</summary>
public sealed class BgNbdModel(BgNbdParameters parameters, double logLikelihood = double.NaN, FitDiagnostics? diagnostics = null) : IPurchaseModel
{
    public string Name => "bgnbd";

    public BgNbdParameters Values { get; } = parameters;

    public IReadOnlyDictionary<string, double> Parameters => Values.ToDictionary();

    public double LogLikelihood { get; } = logLikelihood;

    public FitDiagnostics? Diagnostics { get; } = diagnostics;

    public double CustomerLogLikelihood(int x, double tx, double t) => BgNbdLikelihood.LogLikelihood(Values, x, tx, t);

    /// <summary>
    /// 1 / (1 + [x&gt;0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)), evaluated as exp(-softplus(log odds)) so
    /// x = 1000 with a short recency gives 0 instead of inf/inf. One-time buyers get exactly 1 (a known
    /// property of BG/NBD: dropout happens only right after a purchase).
    /// </summary>
    public double ProbabilityAlive(int x, double tx, double t)
    {
        if (x == 0) return 1;
        var (r, alpha, a, b) = Values;
        var logOdds = Math.Log(a) - Math.Log(b + x - 1) + (r + x) * (Math.Log(alpha + t) - Math.Log(alpha + tx));
        return Math.Exp(-LogMath.Softplus(logOdds));
    }

    /// <summary>
    /// Fader-Hardie-Lee eq. (10): (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)] P(alive),
    /// z = t/(alpha+T+t). The 2F1 grows like (1-z)^(a-1-r-x) for large x; Euler's transformation folds the power in,
    /// leaving (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), whose terms stay bounded.
    /// </summary>
    public double ExpectedPurchases(double horizon, int x, double tx, double t) =>
        horizon <= 0 ? 0 : ExpectedPurchasesIfAlive(horizon, x, t) * ProbabilityAlive(x, tx, t);

    public double ExpectedPurchasesIfAlive(double horizon, int x, double t)
    {
        if (horizon <= 0) return 0;
        var (r, alpha, a, b) = Values;
        var z = horizon / (alpha + t + horizon);
        var folded = Math.Exp((a - 1) * LogMath.Log1P(-z)) * Hypergeometric.Series(a + b - 1 - r, a - 1, a + b + x - 1, z);
        return (a + b + x - 1) / (a - 1) * (1 - folded);
    }

    public double MedianTimeToNextPurchase(int x, double tx, double t) => LomaxWait.Median(Values.R, Values.Alpha, x, t);
}
