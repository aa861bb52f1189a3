namespace ChurnFunctions.Analytics.Numerics;

/// <summary>
/// Confidence intervals for proportions: Wilson's score interval for one (Wilson 1927; good coverage near 0 and 1 and
/// for small n, where the Wald interval fails), and Newcombe's hybrid score interval for the difference of two
/// (Newcombe 1998, method 10), built from the two Wilson intervals.
/// </summary>
public static class ProportionInterval
{
    /// <summary>z for a two-sided 95% interval: the 0.975 quantile of the standard normal.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson's interval for <paramref name="successes"/> of <paramref name="trials"/>; null when there are no trials.</summary>
    public static (double Low, double High)? Wilson(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return null;
        }

        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // Exact bounds at 0 and n, where rounding would otherwise leave 1e-17 on the wrong side.
        return (successes == 0 ? 0 : Math.Max(0, centre - half), successes == trials ? 1 : Math.Min(1, centre + half));
    }

    /// <summary>
    /// Newcombe's interval for p1 - p2 (<paramref name="successes1"/>/<paramref name="trials1"/> minus
    /// <paramref name="successes2"/>/<paramref name="trials2"/>), for independent samples; null when either has no trials.
    /// </summary>
    public static (double Difference, double Low, double High)? Difference(int successes1, int trials1, int successes2, int trials2, double z = Z95)
    {
        if (Wilson(successes1, trials1, z) is not var (l1, u1) || Wilson(successes2, trials2, z) is not var (l2, u2))
        {
            return null;
        }

        double p1 = (double)successes1 / trials1, p2 = (double)successes2 / trials2, d = p1 - p2;
        var low = d - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
        var high = d + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
        return (d, low, high);
    }
}
