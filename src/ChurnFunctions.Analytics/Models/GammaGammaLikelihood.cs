using ChurnFunctions.Analytics.Numerics;
using static MathNet.Numerics.SpecialFunctions;

namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// Gamma-Gamma log-likelihood of a repeat buyer's mean spend m over x purchases (lifetimes' form):
/// lnG(px+q) - lnG(px) - lnG(q) + q ln(gamma) + (px-1) ln m + px ln x - (px+q) ln(xm + gamma),
/// with its analytic gradient. Customers arrive sorted by x so gamma/digamma terms are computed per x.
/// </summary>
internal static class GammaGammaLikelihood
{
    public static double LogLikelihood(GammaGammaParameters parameters, int x, double m)
    {
        var (p, q, v) = parameters;
        var px = p * x;
        return GammaLn(px + q) - GammaLn(px) - GammaLn(q) + q * Math.Log(v) + (px - 1) * Math.Log(m) + px * Math.Log(x) - (px + q) * Math.Log(x * m + v);
    }

    public static double MeanNegative(int[] x, double[] m, ReadOnlySpan<double> logParams, Span<double> gradient)
    {
        var p = Math.Exp(logParams[0]);
        var q = Math.Exp(logParams[1]);
        var v = Math.Exp(logParams[2]);
        Span<double> total = stackalloc double[4];
        ParallelSum.Run(x.Length, total, (start, end, acc) => Chunk(x, m, p, q, v, start, end, acc));
        double n = x.Length;
        gradient[0] = -total[1] * p / n;
        gradient[1] = -total[2] * q / n;
        gradient[2] = -total[3] * v / n;
        return -total[0] / n;
    }

    private static void Chunk(int[] xs, double[] ms, double p, double q, double v, int start, int end, double[] acc)
    {
        var logV = Math.Log(v);
        var lgQ = GammaLn(q);
        var psiQ = DiGamma(q);
        double ll = 0, dp = 0, dq = 0, dv = 0;
        var currentX = -1;
        double constX = 0, psiPxq = 0, psiPx = 0, logX = 0;
        for (var i = start; i < end; i++)
        {
            var x = xs[i];
            var px = p * x;
            if (x != currentX)
            {
                currentX = x;
                logX = Math.Log(x);
                constX = GammaLn(px + q) - GammaLn(px) - lgQ + q * logV + px * logX;
                psiPxq = DiGamma(px + q);
                psiPx = DiGamma(px);
            }

            var logM = Math.Log(ms[i]);
            var logDen = Math.Log(x * ms[i] + v);
            ll += constX + (px - 1) * logM - (px + q) * logDen;
            dp += x * (psiPxq - psiPx + logM + logX - logDen);
            dq += psiPxq - psiQ + logV - logDen;
            dv += q / v - (px + q) / (x * ms[i] + v);
        }

        acc[0] = ll;
        acc[1] = dp;
        acc[2] = dq;
        acc[3] = dv;
    }
}
