namespace ChurnFunctions.Analytics.Business;

/// <summary>Quintile scores 1-5 per customer (5 = best): R recent, F frequent, M high spend.</summary>
public sealed record RfmScores(byte[] Recency, byte[] Frequency, byte[] Monetary)
{
    public int Count => Recency.Length;
}
