using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Numerics;
using static MathNet.Numerics.SpecialFunctions;

namespace ChurnFunctions.Analytics.Models;

/// <summary>
/// MBG/NBD log-likelihood and analytic gradient:
/// ll = lnG(r+x) - lnG(r) + r ln(alpha) + lnB(a, b+x+1) - lnB(a, b)
///    + ln[ (alpha+T)^-(r+x) + a/(b+x) (alpha+t_x)^-(r+x) ]  (the second term for every x, including 0).
/// </summary>
internal static class ModifiedBgNbdLikelihood
{
    public static double LogLikelihood(ModifiedBgNbdParameters p, int x, double tx, double t)
    {
        var (r, alpha, a, b) = p;
        var tail = LogMath.LogAddExp(-(r + x) * Math.Log(alpha + t), Math.Log(a) - Math.Log(b + x) - (r + x) * Math.Log(alpha + tx));
        return GammaLn(r + x) - GammaLn(r) + r * Math.Log(alpha)
            + GammaLn(a + b) + GammaLn(b + x + 1) - GammaLn(b) - GammaLn(a + b + x + 1) + tail;
    }

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
        double constX = 0, drX = 0, daX = 0, dbX = 0;
        for (var i = start; i < end; i++)
        {
            var x = g.X[i];
            if (x != currentX)
            {
                currentX = x;
                var psiAbx = DiGamma(a + b + x + 1);
                constX = GammaLn(r + x) - lgR + r * logAlpha + lgAb + GammaLn(b + x + 1) - lgB - GammaLn(a + b + x + 1);
                drX = DiGamma(r + x) - psiR + logAlpha;
                daX = psiAb - psiAbx;
                dbX = psiAb + DiGamma(b + x + 1) - psiB - psiAbx;
            }

            var w = g.Weight[i];
            var rx = r + x;
            var logAT = Math.Log(alpha + g.T[i]);
            var logAtx = Math.Log(alpha + g.Tx[i]);
            var a3 = -rx * logAT;
            var a4 = logA - Math.Log(b + x) - rx * logAtx;
            var tail = LogMath.LogAddExp(a3, a4);
            var w4 = Math.Exp(a4 - tail);
            var w3 = Math.Exp(a3 - tail);
            ll += w * (constX + tail);
            dr += w * (drX - w3 * logAT - w4 * logAtx);
            dAlpha += w * (r / alpha - rx * (w3 / (alpha + g.T[i]) + w4 / (alpha + g.Tx[i])));
            da += w * (daX + w4 / a);
            db += w * (dbX - w4 / (b + x));
        }

        acc[0] = ll;
        acc[1] = dr;
        acc[2] = dAlpha;
        acc[3] = da;
        acc[4] = db;
    }
}
