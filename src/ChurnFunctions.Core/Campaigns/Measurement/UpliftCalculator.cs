namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Uplift of a campaign over its holdout. The 95% interval for the difference of two proportions is Newcombe's
/// hybrid score interval (Newcombe 1998, method 10), built from each group's Wilson interval: unlike Wald it stays
/// inside [-1, 1] and has a width when a group has zero (or all) conversions, the usual case for a small holdout.
/// Incremental revenue = (treatment - holdout revenue per entered customer) x treatment entered; no interval for
/// revenue (that needs per-customer amounts).
/// </summary>
public static class UpliftCalculator
{
    /// <summary>The two-sided 95% normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    public static UpliftResult Calculate(GroupOutcome treatment, GroupOutcome holdout)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(holdout);
        Check(treatment, nameof(treatment));
        Check(holdout, nameof(holdout));

        double? p1 = treatment.Entered == 0 ? null : (double)treatment.Converted / treatment.Entered;
        double? p2 = holdout.Entered == 0 ? null : (double)holdout.Converted / holdout.Entered;
        decimal? r1 = treatment.Entered == 0 ? null : treatment.Revenue / treatment.Entered;
        decimal? r2 = holdout.Entered == 0 ? null : holdout.Revenue / holdout.Entered;
        if (p1 is not { } a || p2 is not { } b)
        {
            return new UpliftResult(p1, p2, null, null, null, null, r1, r2, null);
        }

        var (l1, u1) = Wilson(treatment.Converted, treatment.Entered);
        var (l2, u2) = Wilson(holdout.Converted, holdout.Entered);
        var d = a - b;
        var lower = d - Math.Sqrt(((a - l1) * (a - l1)) + ((u2 - b) * (u2 - b)));
        var upper = d + Math.Sqrt(((u1 - a) * (u1 - a)) + ((b - l2) * (b - l2)));
        double? relative = b == 0 ? null : d / b;
        return new UpliftResult(a, b, d, lower, upper, relative, r1, r2, (r1 - r2) * treatment.Entered);
    }

    /// <summary>Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/> (&gt; 0).</summary>
    public static (double Lower, double Upper) Wilson(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static void Check(GroupOutcome group, string name)
    {
        if (group.Entered < 0 || group.Converted < 0 || group.Converted > group.Entered)
        {
            throw new ArgumentException("Counts must satisfy 0 <= converted <= entered.", name);
        }
    }
}
