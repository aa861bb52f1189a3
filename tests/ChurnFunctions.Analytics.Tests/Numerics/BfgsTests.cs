using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Tests.Numerics;

public sealed class BfgsTests
{
    [Fact]
    public void Bfgs_minimises_the_rosenbrock_function_and_reports_convergence()
    {
        static double Rosenbrock(ReadOnlySpan<double> p, Span<double> g)
        {
            var (x, y) = (p[0], p[1]);
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }

        var result = Bfgs.Minimize(Rosenbrock, [-1.2, 1.0], new OptimizerOptions { GradientTolerance = 1e-9 });

        Assert.True(result.Converged);
        Assert.Equal(1.0, result.Point[0], 1e-6);
        Assert.Equal(1.0, result.Point[1], 1e-6);
        Assert.InRange(result.Iterations, 1, 200);
    }

    [Fact]
    public void Bfgs_reports_not_converged_when_the_iteration_cap_is_hit()
    {
        static double Bowl(ReadOnlySpan<double> p, Span<double> g)
        {
            g[0] = 2 * p[0];
            g[1] = 2000 * p[1];
            return p[0] * p[0] + 1000 * p[1] * p[1];
        }

        var result = Bfgs.Minimize(Bowl, [3.0, 1.0], new OptimizerOptions { MaxIterations = 1, GradientTolerance = 1e-12 });

        Assert.False(result.Converged);
        Assert.Equal(1, result.Iterations);
    }
}
