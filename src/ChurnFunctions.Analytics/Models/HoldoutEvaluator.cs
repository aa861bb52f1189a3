using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Compares a purchase model's conditional expectations with the summary's holdout counts.</summary>
public static class HoldoutEvaluator
{
    public static HoldoutComparison Evaluate(IPurchaseModel model, CustomerSummary summary)
    {
        var actual = summary.HoldoutPurchases ?? throw new ArgumentException("The summary has no holdout period.", nameof(summary));
        var horizon = summary.HoldoutLength;
        var n = summary.Count;
        var parts = Math.Min(Environment.ProcessorCount, 8);
        var expectedSums = new double[parts];
        var errorSums = new double[parts];
        var actualSums = new long[parts];
        Parallel.For(0, parts, p =>
        {
            double expected = 0, error = 0;
            long total = 0;
            var end = (int)((long)n * (p + 1) / parts);
            for (var i = (int)((long)n * p / parts); i < end; i++)
            {
                var e = model.ExpectedPurchases(horizon, summary.Frequency[i], summary.Recency(i), summary.Age(i));
                expected += e;
                error += Math.Abs(e - actual[i]);
                total += actual[i];
            }

            expectedSums[p] = expected;
            errorSums[p] = error;
            actualSums[p] = total;
        });
        return new HoldoutComparison(expectedSums.Sum(), (int)actualSums.Sum(), n == 0 ? 0 : errorSums.Sum() / n);
    }
}
