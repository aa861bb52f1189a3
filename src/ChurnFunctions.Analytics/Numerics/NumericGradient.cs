namespace ChurnFunctions.Analytics.Numerics;

/// <summary>
/// Finite-difference gradients, for likelihoods whose analytic gradient is impractical (Pareto/NBD's 2F1).
/// Far from the optimum a forward difference (n extra evaluations) is accurate enough to steer BFGS; once the
/// gradient is small its O(h) error would dominate the stopping test, so the wrapper switches to central
/// differences (2n extra evaluations, O(h^2) error).
/// </summary>
internal static class NumericGradient
{
    /// <summary>Central step in log-parameter space: truncation (h^2) and rounding (eps/h) errors balance near 1e-5.</summary>
    public const double Step = 1e-5;

    /// <summary>Forward step: truncation (h) and rounding (eps/h) balance near 1e-8.</summary>
    public const double ForwardStep = 1e-8;

    /// <summary>Max-norm of the last gradient above which forward differences are used.</summary>
    public const double ForwardThreshold = 1e-3;

    public static ObjectiveFunction Wrap(Func<double[], double> f)
    {
        var lastNorm = double.PositiveInfinity;
        return (x, gradient) =>
        {
            var point = x.ToArray();
            var value = f(point);
            var forward = lastNorm > ForwardThreshold;
            var norm = 0.0;
            for (var j = 0; j < point.Length; j++)
            {
                var saved = point[j];
                if (forward)
                {
                    point[j] = saved + ForwardStep;
                    gradient[j] = (f(point) - value) / ForwardStep;
                }
                else
                {
                    point[j] = saved + Step;
                    var up = f(point);
                    point[j] = saved - Step;
                    gradient[j] = (up - f(point)) / (2 * Step);
                }

                point[j] = saved;
                norm = Math.Max(norm, Math.Abs(gradient[j]));
            }

            // A failed line-search trial must not switch the mode; only finite values update the norm.
            if (double.IsFinite(value)) lastNorm = norm;
            return value;
        };
    }
}
