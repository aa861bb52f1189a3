namespace ChurnFunctions.Analytics.Backtest;

/// <summary>Rank and threshold measures of a binary score.</summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random positive scores above a random negative, ties counting
    /// half (the Mann-Whitney U statistic over positives x negatives). NaN when either class is empty.
    /// </summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double rankSumPositive = 0;
        long positives = 0;
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j + 1 < keys.Length && keys[j + 1] == keys[i]) j++;
            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (positive[order[k]])
                {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        long negatives = keys.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
