namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Ranks customers by predicted CLV, highest first. A customer is High when fewer than HighShare x n customers
/// have a strictly higher CLV, Medium when fewer than (HighShare + MediumShare) x n do, else Low. Equal CLVs
/// therefore share a tier, and the order of the input never matters. NaN CLVs (no spend model) are Low.
/// </summary>
public static class ValueTierAssigner
{
    public static ValueTier[] Assign(ReadOnlySpan<double> clv, ValueTierOptions options)
    {
        var n = clv.Length;
        var tiers = new ValueTier[n];
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = double.IsNaN(clv[i]) ? double.PositiveInfinity : -clv[i];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var high = options.HighShare * n;
        var medium = (options.HighShare + options.MediumShare) * n;
        var runStart = 0;
        for (var rank = 0; rank < n; rank++)
        {
            if (rank > 0 && keys[rank] != keys[rank - 1]) runStart = rank;
            tiers[order[rank]] = double.IsPositiveInfinity(keys[rank]) ? ValueTier.Low
                : runStart < high ? ValueTier.High
                : runStart < medium ? ValueTier.Medium
                : ValueTier.Low;
        }

        return tiers;
    }
}
