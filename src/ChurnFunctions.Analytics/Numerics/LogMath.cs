namespace ChurnFunctions.Analytics.Numerics;

/// <summary>Log-space helpers: every likelihood here is a sum of terms that overflow double if exponentiated.</summary>
internal static class LogMath
{
    /// <summary>log(e^a + e^b) without overflow.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        return a > b ? a + Log1P(Math.Exp(b - a)) : b + Log1P(Math.Exp(a - b));
    }

    /// <summary>log(e^a - e^b) for a &gt;= b; -inf when equal (a zero-length interval).</summary>
    public static double LogDiffExp(double a, double b)
    {
        if (b >= a) return double.NegativeInfinity;
        if (double.IsNegativeInfinity(b)) return a;
        var d = b - a;
        // log1p(-e^d) loses precision near d = 0, log(-expm1(d)) does not.
        return a + (d > -0.693 ? Math.Log(-ExpM1(d)) : Log1P(-Math.Exp(d)));
    }

    /// <summary>log(1 + e^x): the log of the odds denominator used for P(alive).</summary>
    public static double Softplus(double x) => x > 0 ? x + Log1P(Math.Exp(-x)) : Log1P(Math.Exp(x));

    /// <summary>
    /// log(1 + x), accurate for small x (.NET's double.LogP1 is log(x + 1) and loses the digits):
    /// Goldberg's trick, the rounding of 1 + x cancels in the ratio.
    /// </summary>
    public static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>e^x - 1, accurate for small x (.NET has no Math.ExpM1).</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) < 1e-5) return x + x * x / 2 + x * x * x / 6;
        return Math.Exp(x) - 1;
    }
}
