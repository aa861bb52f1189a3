using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Numerics;
using static MathNet.Numerics.SpecialFunctions;

namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// Pareto/NBD log-likelihood (Fader and Hardie's note on its derivation), all in log space:
/// L = G(r+x) alpha^r beta^s / G(r) [ (alpha+T)^-(r+x) (beta+T)^-s + s I ],
/// I = integral over [t_x, T] of (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau
///   = [F(t_x) - F(T)] / (r+s+x),  F(t) = 2F1(r+s+x, q; r+s+x+1; |alpha-beta|/(m+t)) / (m+t)^(r+s+x),
/// with m = max(alpha, beta) and q = s+1 when alpha &gt;= beta, r+x otherwise (so the 2F1 argument is in [0, 1)).
/// The difference F(t_x) - F(T) is taken in log space; it only cancels when t_x is close to T, where
/// the term is negligible next to the first one.
/// </summary>
internal static class ParetoNbdLikelihood
{
    /// <summary>Log of the "alive at T" term and of the "died in (t_x, T]" term, without the shared constant.</summary>
    public static (double Alive, double Died) LogTerms(double r, double alpha, double s, double beta, int x, double tx, double t) =>
        tx >= t
            ? LogTerms(r, alpha, s, beta, x, 0, 0, tx, t)
            : LogTerms(r, alpha, s, beta, x, LogF(r, alpha, s, beta, x, tx), LogF(r, alpha, s, beta, x, t), tx, t);

    /// <summary>
    /// As above with log F(t_x) and log F(T) supplied: the fit reuses them across groups sharing (x, t_x) or (x, T).
    /// </summary>
    public static (double Alive, double Died) LogTerms(double r, double alpha, double s, double beta, int x, double logFtx, double logFt, double tx, double t)
    {
        var alive = -(r + x) * Math.Log(alpha + t) - s * Math.Log(beta + t);
        if (tx >= t) return (alive, double.NegativeInfinity);
        var died = Math.Log(s) + LogMath.LogDiffExp(logFtx, logFt) - Math.Log(r + s + x);
        return (alive, died);
    }

    /// <summary>log F(t) = log 2F1(r+s+x, q; r+s+x+1; |alpha-beta|/(m+t)) - (r+s+x) log(m+t).</summary>
    public static double LogF(double r, double alpha, double s, double beta, int x, double t)
    {
        var a = r + s + x;
        double m, d, q;
        if (alpha >= beta) (m, d, q) = (alpha, alpha - beta, s + 1);
        else (m, d, q) = (beta, beta - alpha, r + x);
        return Hypergeometric.LogA1(a, q, d / (m + t)) - a * Math.Log(m + t);
    }

    public static double LogLikelihood(ParetoNbdParameters p, int x, double tx, double t)
    {
        var (r, alpha, s, beta) = p;
        var (alive, died) = LogTerms(r, alpha, s, beta, x, tx, t);
        return GammaLn(r + x) - GammaLn(r) + r * Math.Log(alpha) + s * Math.Log(beta) + LogMath.LogAddExp(alive, died);
    }

    /// <summary>Mean negative log-likelihood over the groups at (ln r, ln alpha, ln s, ln beta).</summary>
    public static double MeanNegative(FrequencyGroups groups, double[] logParams)
    {
        var r = Math.Exp(logParams[0]);
        var alpha = Math.Exp(logParams[1]);
        var s = Math.Exp(logParams[2]);
        var beta = Math.Exp(logParams[3]);
        Span<double> total = stackalloc double[1];
        // Each triple costs two 2F1 series (~0.3 us), so splitting pays from a few thousand triples on.
        ParallelSum.Run(groups.Count, total, (start, end, acc) => acc[0] = Chunk(groups, r, alpha, s, beta, start, end), threshold: 2_000);
        return -total[0] / groups.TotalWeight;
    }

    private static double Chunk(FrequencyGroups g, double r, double alpha, double s, double beta, int start, int end)
    {
        var constant = -GammaLn(r) + r * Math.Log(alpha) + s * Math.Log(beta);
        double ll = 0;
        // Groups are sorted by (x, t_x, T): F(t_x) is reused along runs of equal (x, t_x), and F(T) through a
        // per-x cache indexed by T in days (stamped with the x-run instead of cleared). Typically halves the 2F1 count.
        var useCache = g.MaxAgeDays <= 1 << 16;
        var cache = useCache ? new double[g.MaxAgeDays + 1] : [];
        var stamp = useCache ? new int[g.MaxAgeDays + 1] : [];
        var run = 0;
        int currentX = -1;
        double lgX = 0, currentTx = double.NaN, logFtx = 0;
        for (var i = start; i < end; i++)
        {
            var x = g.X[i];
            if (x != currentX)
            {
                currentX = x;
                lgX = GammaLn(r + x);
                currentTx = double.NaN;
                run++;
            }

            var tx = g.Tx[i];
            var t = g.T[i];
            if (tx != currentTx)
            {
                currentTx = tx;
                logFtx = LogF(r, alpha, s, beta, x, tx);
            }

            double logFt;
            if (!useCache) logFt = LogF(r, alpha, s, beta, x, t);
            else
            {
                var key = g.AgeDays[i];
                if (stamp[key] != run)
                {
                    stamp[key] = run;
                    cache[key] = LogF(r, alpha, s, beta, x, t);
                }

                logFt = cache[key];
            }

            var (alive, died) = LogTerms(r, alpha, s, beta, x, logFtx, logFt, tx, t);
            ll += g.Weight[i] * (lgX + LogMath.LogAddExp(alive, died));
        }

        return ll + constant * TotalWeight(g, start, end);
    }

    private static double TotalWeight(FrequencyGroups g, int start, int end)
    {
        double sum = 0;
        for (var i = start; i < end; i++) sum += g.Weight[i];
        return sum;
    }
}
