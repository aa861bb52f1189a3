namespace ChurnFunctions.Analytics.Numerics;

/// <summary>Central differences, for likelihoods whose analytic gradient is impractical (Pareto/NBD's 2F1).</summary>
internal static class NumericGradient
{
    /// <summary>Step in log-parameter space: the truncation error (h^2) and the rounding error (eps/h) balance near 1e-5.</summary>
    public const double Step = 1e-5;

    public static ObjectiveFunction Wrap(Func<double[], double> f) => (x, gradient) =>
    {
        var point = x.ToArray();
        var value = f(point);
        for (var j = 0; j < point.Length; j++)
        {
            var saved = point[j];
            point[j] = saved + Step;
            var up = f(point);
            point[j] = saved - Step;
            var down = f(point);
            point[j] = saved;
            gradient[j] = (up - down) / (2 * Step);
        }

        return value;
    };
}
