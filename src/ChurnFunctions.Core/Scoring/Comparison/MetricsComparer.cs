using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.Numerics;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Scoring.Comparison;

/// <summary>
/// Compares churn, retention and repeat purchase between two periods, from the stored customers' purchase days with
/// the nightly metrics' own customer set, history and <see cref="PeriodMetricsCalculator"/>, so a period ending on a
/// run day gives that run's rates.
/// </summary>
public sealed class MetricsComparer(ICustomerStore customers, IOptions<ChurnOptions> churnOptions)
{
    public const string Method =
        "95% Wilson score intervals for each rate; for the change (after - before) Newcombe's hybrid score interval, " +
        "which treats the periods as independent samples (customers in both make it approximate).";

    public async Task<MetricsComparison> CompareAsync(Period before, Period after, CancellationToken cancellationToken)
    {
        var last = before.To > after.To ? before.To : after.To;
        var records = new List<CustomerRecord>();
        await foreach (var record in customers.ListAsync(cancellationToken))
        {
            if (ScoringJob.Counts(record, last))
            {
                records.Add(record);
            }
        }

        var history = ScoringJob.BuildHistory(records, last);
        var b = PeriodMetricsCalculator.Compute(history, before.From, before.To, churnOptions.Value);
        var a = PeriodMetricsCalculator.Compute(history, after.From, after.To, churnOptions.Value);
        return new MetricsComparison(
            Rates(b),
            Rates(a),
            new RateDifferences(
                Difference(a.ChurnedDuringPeriod, a.ActiveAtStart, b.ChurnedDuringPeriod, b.ActiveAtStart),
                Difference(a.RetainedPurchasers, a.ActiveAtStart, b.RetainedPurchasers, b.ActiveAtStart),
                Difference(a.RepeatPurchasers, a.Purchasers, b.RepeatPurchasers, b.Purchasers)),
            0.95,
            Method);
    }

    private static PeriodRates Rates(PeriodMetrics m) => new(
        m.Start,
        m.End,
        Estimate(m.ChurnedDuringPeriod, m.ActiveAtStart),
        Estimate(m.RetainedPurchasers, m.ActiveAtStart),
        Estimate(m.RepeatPurchasers, m.Purchasers));

    private static RateEstimate Estimate(int numerator, int denominator) =>
        ProportionInterval.Wilson(numerator, denominator) is var (low, high)
            ? new(numerator, denominator, (double)numerator / denominator, low, high)
            : new(numerator, denominator, null, null, null);

    private static RateDifference Difference(int afterNumerator, int afterDenominator, int beforeNumerator, int beforeDenominator) =>
        ProportionInterval.Difference(afterNumerator, afterDenominator, beforeNumerator, beforeDenominator) is var (d, low, high)
            ? new(d, low, high)
            : new(null, null, null);
}
