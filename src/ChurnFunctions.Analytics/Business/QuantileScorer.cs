namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Quantile scores 1..k by rank. Values are ranked ascending (ties broken by input position, so the order is
/// deterministic); a run of equal values gets the score of its lowest rank, 1 + floor(k * rank / n), so equal
/// values always share a score. Large tie groups can therefore skip scores (60% one-time buyers all score 1).
/// </summary>
public static class QuantileScorer
{
    public static byte[] Score(ReadOnlySpan<double> values, int buckets = 5)
    {
        var n = values.Length;
        var scores = new byte[n];
        if (n == 0) return scores;
        var keys = values.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order); // unstable, but equal keys get equal scores below, so the result is deterministic
        var runStart = 0;
        for (var rank = 0; rank < n; rank++)
        {
            if (rank > 0 && keys[rank] != keys[rank - 1]) runStart = rank;
            scores[order[rank]] = (byte)(1 + (long)buckets * runStart / n);
        }

        return scores;
    }
}
