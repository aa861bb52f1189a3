namespace ChurnFunctions.Analytics.Models;

/// <summary>Per-customer predictions, struct-of-arrays in the summary's customer order.</summary>
public sealed record CustomerScores(
    long[] CustomerIds,
    double[] ProbabilityAlive,
    double[] ExpectedPurchases,
    double[] MedianWeeksToNextPurchase,
    int[] ExpectedNextPurchaseDay,
    double[] ExpectedSpend,
    double[] Clv)
{
    public int Count => CustomerIds.Length;

    public DateOnly ExpectedNextPurchaseDate(int i) => DateOnly.FromDayNumber(ExpectedNextPurchaseDay[i]);
}
