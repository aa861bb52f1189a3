namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// RFM quintiles: recency from days since the last purchase (fewer days score higher), frequency from
/// distinct purchase days, monetary from total (or mean) spend. Ties share a score, see <see cref="QuantileScorer"/>.
/// </summary>
public static class RfmScorer
{
    public static RfmScores Score(ReadOnlySpan<int> daysSinceLastPurchase, ReadOnlySpan<int> purchaseDays, ReadOnlySpan<double> spend)
    {
        var n = daysSinceLastPurchase.Length;
        if (purchaseDays.Length != n || spend.Length != n) throw new ArgumentException("One value per customer in every column.", nameof(purchaseDays));
        var recency = new double[n];
        var frequency = new double[n];
        for (var i = 0; i < n; i++)
        {
            recency[i] = -daysSinceLastPurchase[i];
            frequency[i] = purchaseDays[i];
        }

        return new RfmScores(QuantileScorer.Score(recency), QuantileScorer.Score(frequency), QuantileScorer.Score(spend));
    }
}
