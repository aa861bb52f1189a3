namespace ChurnFunctions.Analytics.Numerics;

/// <summary>
/// BFGS on the inverse Hessian with a backtracking Armijo line search. Small (3-4 parameter) problems
/// only, so the dense n x n update is free; what costs is the objective, hence few evaluations matter.
/// </summary>
internal static class Bfgs
{
    private const double Armijo = 1e-4;

    public static OptimizationResult Minimize(ObjectiveFunction objective, double[] start, OptimizerOptions options)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var f = objective(x, g);
        var evaluations = 1;
        if (!double.IsFinite(f)) throw new ArgumentException("The objective is not finite at the start point.", nameof(start));

        var h = Identity(n);
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var s = new double[n];
        var y = new double[n];
        var iteration = 0;
        var stalled = 0;
        for (; iteration < options.MaxIterations; iteration++)
        {
            if (MaxAbs(g) < options.GradientTolerance) return Result(true);

            MultiplyNegated(h, g, direction);
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // The inverse-Hessian estimate lost positive definiteness; restart from steepest descent.
                h = Identity(n);
                for (var i = 0; i < n; i++) direction[i] = -g[i];
                slope = Dot(g, direction);
            }

            var step = Math.Min(1.0, options.MaxStep / Math.Max(MaxAbs(direction), 1e-300));
            double trialValue = double.NaN;
            var accepted = false;
            for (var attempt = 0; attempt < 60; attempt++)
            {
                for (var i = 0; i < n; i++) trial[i] = x[i] + step * direction[i];
                trialValue = objective(trial, trialGradient);
                evaluations++;
                if (double.IsFinite(trialValue) && trialValue <= f + Armijo * step * slope) { accepted = true; break; }
                step *= double.IsFinite(trialValue) ? 0.5 : 0.1;
            }

            if (!accepted) return Result(MaxAbs(g) < 100 * options.GradientTolerance);

            for (var i = 0; i < n; i++)
            {
                s[i] = trial[i] - x[i];
                y[i] = trialGradient[i] - g[i];
            }

            var sy = Dot(s, y);
            if (iteration == 0 && sy > 0)
            {
                // Scale the first guess of the inverse Hessian to the observed curvature (Nocedal & Wright 6.20).
                var scale = sy / Dot(y, y);
                for (var i = 0; i < n; i++) h[i, i] = scale;
            }

            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y))) Update(h, s, y, sy);

            stalled = f - trialValue <= 1e-15 * (Math.Abs(f) + 1) ? stalled + 1 : 0;
            Array.Copy(trial, x, n);
            Array.Copy(trialGradient, g, n);
            f = trialValue;
            if (stalled >= 3) return Result(MaxAbs(g) < 100 * options.GradientTolerance);
        }

        return Result(MaxAbs(g) < options.GradientTolerance);

        OptimizationResult Result(bool converged) => new(x, f, iteration, evaluations, MaxAbs(g), converged);
    }

    private static void Update(double[,] h, double[] s, double[] y, double sy)
    {
        // H+ = (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / s'y
        var n = s.Length;
        var rho = 1 / sy;
        var hy = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) hy[i] += h[i, j] * y[j];
        var yhy = Dot(y, hy);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                h[i, j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }

    private static void MultiplyNegated(double[,] h, double[] g, double[] result)
    {
        for (var i = 0; i < g.Length; i++)
        {
            double sum = 0;
            for (var j = 0; j < g.Length; j++) sum += h[i, j] * g[j];
            result[i] = -sum;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double MaxAbs(double[] v)
    {
        double max = 0;
        foreach (var value in v) max = Math.Max(max, Math.Abs(value));
        return max;
    }
}
