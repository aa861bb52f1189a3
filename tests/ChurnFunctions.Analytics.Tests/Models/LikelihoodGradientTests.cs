using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Tests.Models;

public sealed class LikelihoodGradientTests
{
    private static readonly FrequencyGroups Groups = FrequencyGroups.From(
        [0, 0, 1, 2, 5, 12, 30],
        [0, 0, 35, 70, 200, 250, 270],
        [100, 270, 100, 140, 260, 270, 271],
        7);

    private static readonly double[] LogPoint = [Math.Log(0.3), Math.Log(5.0), Math.Log(0.8), Math.Log(2.5)];

    private delegate double Objective(ReadOnlySpan<double> x, Span<double> g);

    private static void AssertGradientMatchesDifferences(Objective f, double[] point)
    {
        var analytic = new double[point.Length];
        var scratch = new double[point.Length];
        f(point, analytic);
        for (var j = 0; j < point.Length; j++)
        {
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            var numeric = (f(up, scratch) - f(down, scratch)) / 2e-6;
            Assert.Equal(numeric, analytic[j], 1e-7);
        }
    }

    [Fact]
    public void BgNbd_analytic_gradient_matches_central_differences() =>
        AssertGradientMatchesDifferences((x, g) => BgNbdLikelihood.MeanNegative(Groups, x, g), LogPoint);

    [Fact]
    public void ModifiedBgNbd_analytic_gradient_matches_central_differences() =>
        AssertGradientMatchesDifferences((x, g) => ModifiedBgNbdLikelihood.MeanNegative(Groups, x, g), LogPoint);

    [Fact]
    public void GammaGamma_analytic_gradient_matches_central_differences()
    {
        int[] x = [1, 1, 2, 3, 8];
        double[] m = [10, 25.5, 14, 40, 22];
        AssertGradientMatchesDifferences((p, g) => GammaGammaLikelihood.MeanNegative(x, m, p, g), [Math.Log(6.0), Math.Log(3.5), Math.Log(15.0)]);
    }

    [Fact]
    public void Grouped_likelihood_equals_the_sum_of_per_customer_likelihoods()
    {
        var p = new BgNbdParameters(0.3, 5, 0.8, 2.5);
        double sum = 0;
        for (var i = 0; i < Groups.Count; i++) sum += Groups.Weight[i] * BgNbdLikelihood.LogLikelihood(p, Groups.X[i], Groups.Tx[i], Groups.T[i]);

        var mean = BgNbdLikelihood.MeanNegative(Groups, LogPoint, new double[4]);

        Assert.Equal(sum, -mean * Groups.TotalWeight, 1e-9);
    }

    [Fact]
    public void Pareto_grouped_likelihood_with_its_2F1_caches_equals_the_per_customer_sum()
    {
        var groups = FrequencyGroups.From(
            [0, 0, 1, 1, 1, 1, 2, 2, 7],
            [0, 0, 35, 35, 70, 70, 70, 140, 250],
            [100, 270, 100, 270, 100, 270, 270, 270, 271],
            7);
        foreach (var p in new[] { new ParetoNbdParameters(0.6, 11.6, 0.52, 8.8), new ParetoNbdParameters(0.6, 3, 0.52, 30) })
        {
            double sum = 0;
            for (var i = 0; i < groups.Count; i++) sum += groups.Weight[i] * ParetoNbdLikelihood.LogLikelihood(p, groups.X[i], groups.Tx[i], groups.T[i]);

            var mean = ParetoNbdLikelihood.MeanNegative(groups, [Math.Log(p.R), Math.Log(p.Alpha), Math.Log(p.S), Math.Log(p.Beta)]);

            Assert.Equal(sum, -mean * groups.TotalWeight, 1e-9);
        }
    }

    [Fact]
    public void ParetoNbd_likelihood_matches_direct_quadrature_of_its_integral_form()
    {
        // L = G(r+x) a^r b^s / G(r) [ (a+T)^-(r+x) (b+T)^-s + s * integral_tx^T (a+u)^-(r+x) (b+u)^-(s+1) du ]
        double r = 0.55, alpha = 10.5, s = 0.6, beta = 3.2;
        int x = 4;
        double tx = 20, t = 38;
        const int steps = 200_000;
        double integral = 0, h = (t - tx) / steps;
        for (var k = 0; k < steps; k++)
        {
            var u = tx + (k + 0.5) * h;
            integral += Math.Pow(alpha + u, -(r + x)) * Math.Pow(beta + u, -(s + 1)) * h;
        }

        var expected = MathNet.Numerics.SpecialFunctions.GammaLn(r + x) - MathNet.Numerics.SpecialFunctions.GammaLn(r) + r * Math.Log(alpha) + s * Math.Log(beta)
            + Math.Log(Math.Pow(alpha + t, -(r + x)) * Math.Pow(beta + t, -s) + s * integral);

        Assert.Equal(expected, ParetoNbdLikelihood.LogLikelihood(new ParetoNbdParameters(r, alpha, s, beta), x, tx, t), 1e-9);
        // Same customer with alpha < beta takes the other branch of the 2F1 choice.
        Assert.Equal(
            LogLikelihoodByQuadrature(r, 3.2, s, 10.5, x, tx, t),
            ParetoNbdLikelihood.LogLikelihood(new ParetoNbdParameters(r, 3.2, s, 10.5), x, tx, t), 1e-9);
    }

    private static double LogLikelihoodByQuadrature(double r, double alpha, double s, double beta, int x, double tx, double t)
    {
        const int steps = 200_000;
        double integral = 0, h = (t - tx) / steps;
        for (var k = 0; k < steps; k++)
        {
            var u = tx + (k + 0.5) * h;
            integral += Math.Pow(alpha + u, -(r + x)) * Math.Pow(beta + u, -(s + 1)) * h;
        }

        return MathNet.Numerics.SpecialFunctions.GammaLn(r + x) - MathNet.Numerics.SpecialFunctions.GammaLn(r) + r * Math.Log(alpha) + s * Math.Log(beta)
            + Math.Log(Math.Pow(alpha + t, -(r + x)) * Math.Pow(beta + t, -s) + s * integral);
    }
}
