using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Numerics;
using static MathNet.Numerics.SpecialFunctions;

namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// BG/NBD log-likelihood and its analytic gradient, in log space:
/// ll = lnG(r+x) - lnG(r) + r ln(alpha) + lnB(a, b+x) - lnB(a, b)
///    + ln[ (alpha+T)^-(r+x) + [x&gt;0] a/(b+x-1) (alpha+t_x)^-(r+x) ],
/// the last term by log-sum-exp. Gamma/digamma terms depend on x only and are computed once per run of
/// equal x (groups are sorted by x).
/// </summary>
internal static class BgNbdLikelihood
{
    public static double LogLikelihood(BgNbdParameters p, int x, double tx, double t)
    {
        var (r, alpha, a, b) = p;
        var a3 = -(r + x) * Math.Log(alpha + t);
        var tail = x > 0 ? LogMath.LogAddExp(a3, Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + tx)) : a3;
        return GammaLn(r + x) - GammaLn(r) + r * Math.Log(alpha)
            + GammaLn(a + b) + GammaLn(b + x) - GammaLn(b) - GammaLn(a + b + x) + tail;
    }

    /// <summary>Mean negative log-likelihood over the groups and its gradient in (ln r, ln alpha, ln a, ln b).</summary>
    public static double MeanNegative(FrequencyGroups groups, ReadOnlySpan<double> logParams, Span<double> gradient)
    {
        var r = Math.Exp(logParams[0]);
        var alpha = Math.Exp(logParams[1]);
        var a = Math.Exp(logParams[2]);
        var b = Math.Exp(logParams[3]);
        Span<double> total = stackalloc double[5];
        ParallelSum.Run(groups.Count, total, (start, end, acc) => Chunk(groups, r, alpha, a, b, start, end, acc));
        var w = groups.TotalWeight;
        gradient[0] = -total[1] * r / w;
        gradient[1] = -total[2] * alpha / w;
        gradient[2] = -total[3] * a / w;
        gradient[3] = -total[4] * b / w;
        return -total[0] / w;
    }

    private static void Chunk(FrequencyGroups g, double r, double alpha, double a, double b, int start, int end, double[] acc)
    {
        var logAlpha = Math.Log(alpha);
        var logA = Math.Log(a);
        var lgR = GammaLn(r);
        var psiR = DiGamma(r);
        var lgAb = GammaLn(a + b);
        var psiAb = DiGamma(a + b);
        var lgB = GammaLn(b);
        var psiB = DiGamma(b);
        double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
        int currentX = -1;
        double constX = 0, drX = 0, daX = 0, dbX = 0, logBx = 0;
        for (var i = start; i < end; i++)
        {
            var x = g.X[i];
            if (x != currentX)
            {
                currentX = x;
                var psiAbx = DiGamma(a + b + x);
                constX = GammaLn(r + x) - lgR + r * logAlpha + lgAb + GammaLn(b + x) - lgB - GammaLn(a + b + x);
                drX = DiGamma(r + x) - psiR + logAlpha;
                daX = psiAb - psiAbx;
                dbX = psiAb + DiGamma(b + x) - psiB - psiAbx;
                logBx = x > 0 ? Math.Log(b + x - 1) : 0;
            }

            var w = g.Weight[i];
            var rx = r + x;
            var logAT = Math.Log(alpha + g.T[i]);
            var a3 = -rx * logAT;
            double tail, w4 = 0, logAtx = 0;
            if (x > 0)
            {
                logAtx = Math.Log(alpha + g.Tx[i]);
                var a4 = logA - logBx - rx * logAtx;
                // log-sum-exp and the weight of the second term share one exp.
                var d = a4 - a3;
                var e = Math.Exp(-Math.Abs(d));
                tail = Math.Max(a3, a4) + LogMath.Log1P(e);
                w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
            }
            else tail = a3;

            var w3 = 1 - w4;
            ll += w * (constX + tail);
            dr += w * (drX - w3 * logAT - w4 * logAtx);
            dAlpha += w * (r / alpha - w3 * rx / (alpha + g.T[i]) - (x > 0 ? w4 * rx / (alpha + g.Tx[i]) : 0));
            da += w * (daX + w4 / a);
            db += w * (dbX - (x > 0 ? w4 / (b + x - 1) : 0));
        }

        acc[0] = ll;
        acc[1] = dr;
        acc[2] = dAlpha;
        acc[3] = da;
        acc[4] = db;
    }
}
