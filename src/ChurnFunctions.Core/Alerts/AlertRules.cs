using System.Globalization;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Alerts;

/// <summary>The alert conditions, pure: today's snapshot and scores against the trailing snapshots and yesterday's scores.</summary>
public static class AlertRules
{
    /// <param name="trailing">Snapshots before <paramref name="today"/>'s date, within the trailing window.</param>
    /// <param name="slippingTopCustomers">High-value customers now below the P(alive) threshold, with yesterday's P(alive) if scored.</param>
    public static IReadOnlyList<Alert> Evaluate(
        MetricsSnapshot today,
        IReadOnlyList<MetricsSnapshot> trailing,
        IReadOnlyList<(CustomerScore Now, double? PreviousProbabilityAlive)> slippingTopCustomers,
        AlertOptions options,
        DateTimeOffset now)
    {
        var alerts = new List<Alert>();
        var date = today.Date;
        // A null churn rate (nobody active at start) raises nothing.
        if (today.ActiveAtStart > 0 && today.ChurnRate is { } rate && rate > options.ChurnRateThreshold)
        {
            alerts.Add(new Alert(date, "churn-rate-above-threshold", "high",
                $"Churn rate {Percent(rate)} is above {Percent(options.ChurnRateThreshold)}",
                $"{today.ChurnedDuringPeriod} of {today.ActiveAtStart} customers active on {today.PeriodStart:yyyy-MM-dd} churned by {today.PeriodEnd:yyyy-MM-dd}.",
                now));
        }

        if (trailing.Count > 0 && today.ActiveAtStart > 0 && today.ChurnRate is { } current)
        {
            var baseline = trailing.Average(s => s.ChurnRate) ?? 0;
            if (baseline > 0 && current > baseline * (1 + (options.ChurnRateIncreasePercent / 100)))
            {
                alerts.Add(new Alert(date, "churn-rate-rising", "high",
                    $"Churn rate {Percent(current)} is up {Percent((current / baseline) - 1)} on the trailing mean",
                    $"The mean over the {trailing.Count} snapshots before {date:yyyy-MM-dd} was {Percent(baseline)}.",
                    now));
            }
        }

        foreach (var (score, previous) in slippingTopCustomers)
        {
            // Only the fall is news: a customer already below yesterday was reported then.
            if (previous is { } before && before < options.TopTierAliveThreshold)
            {
                continue;
            }

            alerts.Add(new Alert(date, $"top-customer-slipping:{score.CustomerId}", "medium",
                $"High-value customer {score.CustomerId} may be slipping away",
                $"P(alive) {score.ProbabilityAlive:0.00} (was {(previous is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "not scored")}), CLV {score.Clv:0.00}, segment {score.Segment}.",
                now,
                score.CustomerId,
                score.Clv,
                score.ProbabilityAlive));
        }

        foreach (var (category, count) in today.CategoryAbandonment)
        {
            var baseline = trailing.Count == 0 ? 0 : trailing.Average(s => s.CategoryAbandonment.GetValueOrDefault(category));
            if (count >= options.CategoryAbandonmentMinCustomers && count > baseline * (1 + (options.CategoryAbandonmentIncreasePercent / 100)))
            {
                alerts.Add(new Alert(date, $"category-abandonment:{category}", "medium",
                    $"{count} customers stopped buying {category}",
                    $"The trailing mean was {baseline:0.0}. A jump like this can mean a competitor prices {category} lower.",
                    now));
            }
        }

        return alerts;
    }

    private static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
}
