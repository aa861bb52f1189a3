using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Scores every customer of a summary with a purchase model and, when given, a spend model.</summary>
public static class CustomerScorer
{
    /// <summary>
    /// Expected next purchase day = summary end day + the model's median wait (see
    /// <see cref="IPurchaseModel.MedianTimeToNextPurchase"/>), rounded to whole days. Without a spend model,
    /// expected spend and CLV are NaN.
    /// </summary>
    public static CustomerScores Score(CustomerSummary summary, IPurchaseModel model, GammaGammaModel? spend = null, ScoringOptions? options = null)
    {
        options ??= new ScoringOptions();
        var n = summary.Count;
        var alive = new double[n];
        var expected = new double[n];
        var wait = new double[n];
        var nextDay = new int[n];
        var spendPerPurchase = new double[n];
        var clv = new double[n];
        var useSpend = spend is not null && summary.HasMonetary;
        Parallel.For(0, Math.Min(Environment.ProcessorCount, 8), part =>
        {
            var parts = Math.Min(Environment.ProcessorCount, 8);
            var end = (int)((long)n * (part + 1) / parts);
            for (var i = (int)((long)n * part / parts); i < end; i++)
            {
                var x = summary.Frequency[i];
                var tx = summary.Recency(i);
                var t = summary.Age(i);
                alive[i] = model.ProbabilityAlive(x, tx, t);
                expected[i] = model.ExpectedPurchases(options.PurchaseHorizonWeeks, x, tx, t);
                wait[i] = model.MedianTimeToNextPurchase(x, tx, t);
                // A tiny r + x makes the median wait astronomically long: clamp to the last representable date.
                nextDay[i] = (int)Math.Min(summary.CalibrationEndDay + Math.Round(wait[i] * CustomerSummary.DaysPerUnit), DateOnly.MaxValue.DayNumber);
                if (useSpend)
                {
                    spendPerPurchase[i] = spend!.ExpectedSpend(x, summary.MonetaryValue[i]);
                    clv[i] = ClvCalculator.Clv(model, spendPerPurchase[i], x, tx, t, options);
                }
                else
                {
                    spendPerPurchase[i] = double.NaN;
                    clv[i] = double.NaN;
                }
            }
        });
        return new CustomerScores(summary.CustomerIds, alive, expected, wait, nextDay, spendPerPurchase, clv);
    }
}
