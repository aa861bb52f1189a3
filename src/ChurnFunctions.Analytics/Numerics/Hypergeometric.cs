namespace ChurnFunctions.Analytics.Numerics;

/// <summary>
/// Gauss hypergeometric 2F1 for the two shapes the models need. Both stay finite where a naive
/// evaluation overflows (x = 1000 repeat purchases makes a parameter of 1000).
/// </summary>
internal static class Hypergeometric
{
    private const int MaxTerms = 200_000;
    private const double SeriesLimit = 0.8;

    /// <summary>
    /// Plain power series of 2F1(a, b; c; z) for 0 &lt;= z &lt; 1. Callers use it only after an Euler
    /// transform that keeps the terms bounded, so double precision suffices.
    /// </summary>
    public static double Series(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-16 * Math.Abs(sum)) break;
        }

        return sum;
    }

    /// <summary>
    /// log 2F1(a, b; a + 1; z) for a, b &gt; 0 and 0 &lt;= z &lt; 1 (the Pareto/NBD shape). The series runs in
    /// scaled form because for large b its terms rise to (1 - z)^-b before they fall; past z = 0.8 it
    /// converges too slowly and the Euler integral is used instead.
    /// </summary>
    public static double LogA1(double a, double b, double z)
    {
        if (z <= 0) return 0;
        return z <= SeriesLimit ? LogA1Series(a, b, z) : LogA1Integral(a, b, z);
    }

    internal static double LogA1Series(double a, double b, double z)
    {
        double term = 1, sum = 1, logScale = 0;
        var peak = b * z / (1 - z); // terms rise until about here; only stop on the falling side
        for (var n = 0; n < MaxTerms; n++)
        {
            // One division per term: the loop is latency-bound and this is the Pareto/NBD fit's inner loop.
            term *= (a + n) * (b + n) * z / ((a + n + 1) * (n + 1));
            sum += term;
            if (sum > 1e250)
            {
                // Rescale instead of overflowing; the log of the scale is carried separately.
                sum *= 1e-250;
                term *= 1e-250;
                logScale += 250 * Math.Log(10);
            }

            if (term <= 1e-17 * sum && n > peak) break;
        }

        return logScale + Math.Log(sum);
    }

    /// <summary>
    /// 2F1(a, b; a + 1; z) = integral over u in [0, 1] of (1 - z u^(1/a))^-b (Euler's integral after u = t^a).
    /// The integrand peaks at u = 1 with width about a(1 - z) and, for a &gt; 1, has an infinite slope at u = 0,
    /// so Gauss-Legendre panels shrink geometrically towards both ends.
    /// </summary>
    internal static double LogA1Integral(double a, double b, double z)
    {
        const int panels = 60;
        Span<double> logs = stackalloc double[2 * (panels + 1) * 16];
        var k = 0;
        var max = double.NegativeInfinity;
        for (var side = 0; side < 2; side++)
        {
            for (var p = 1; p <= panels + 1; p++)
            {
                // Distance from the end: [2^-(p+1), 2^-p] for p &lt;= panels, [0, 2^-(panels+1)] last.
                var hi = Math.ScaleB(1.0, -p);
                var lo = p == panels + 1 ? 0 : hi / 2;
                var half = (hi - lo) / 2;
                var mid = (hi + lo) / 2;
                for (var i = 0; i < 16; i++)
                {
                    var distance = mid + half * GaussLegendre.Nodes16[i];
                    var u = side == 0 ? distance : 1 - distance;
                    var value = Math.Log(GaussLegendre.Weights16[i] * half) - b * Math.Log(1 - z * Math.Exp(Math.Log(u) / a));
                    logs[k++] = value;
                    if (value > max) max = value;
                }
            }
        }

        double sum = 0;
        for (var i = 0; i < k; i++) sum += Math.Exp(logs[i] - max);
        return max + Math.Log(sum);
    }
}
