using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// A fitted buy-till-you-die purchase model. Inputs are a customer's summary in model time units
/// (weeks): x repeat purchases, recency t_x, age T.
/// </summary>
public interface IPurchaseModel
{
    /// <summary>Short name: "bgnbd", "mbgnbd" or "pareto".</summary>
    string Name { get; }

    /// <summary>Parameters by their usual names, in the usual order.</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Log-likelihood summed over the customers the model was fitted on (NaN when built from parameters).</summary>
    double LogLikelihood { get; }

    FitDiagnostics? Diagnostics { get; }

    /// <summary>Log-likelihood of one customer's (x, t_x, T).</summary>
    double CustomerLogLikelihood(int x, double tx, double t);

    /// <summary>P(customer still active at T | x, t_x, T).</summary>
    double ProbabilityAlive(int x, double tx, double t);

    /// <summary>E[purchases in (T, T + horizon] | x, t_x, T] = P(alive) x <see cref="ExpectedPurchasesIfAlive"/>.</summary>
    double ExpectedPurchases(double horizon, int x, double tx, double t);

    /// <summary>
    /// E[purchases in (T, T + horizon] | alive at T, x, T]: the factor that multiplies P(alive). Exposed so CLV can
    /// compute P(alive) (two 2F1 evaluations for Pareto/NBD) once per customer instead of once per month.
    /// </summary>
    double ExpectedPurchasesIfAlive(double horizon, int x, double t);

    /// <summary>
    /// Median waiting time from T to the next purchase for a customer who is still active and stays active:
    /// with the purchase rate's posterior Gamma(r + x, alpha + T) the wait is Lomax-distributed, so the median
    /// is (alpha + T)(2^(1/(r + x)) - 1). Read it beside <see cref="ProbabilityAlive"/>: it answers "when, if at all".
    /// </summary>
    double MedianTimeToNextPurchase(int x, double tx, double t);
}
