using System.Globalization;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// Why a customer is on the at-risk list, in the words staff read before they call: "buys every ~21 days, last
/// purchase 63 days ago, P(alive) 0.18, spend down 80% on its own 90-day baseline". Built from the score row only,
/// so the list, the API and the dashboard say the same thing.
/// </summary>
public static class AtRiskReason
{
    public static string Describe(CustomerScore score, int spendWindowDays)
    {
        var parts = new List<string>(5);
        if (score.PurchaseGapDays is { } gap)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"buys every ~{Math.Max(1, (int)Math.Round(gap, MidpointRounding.AwayFromZero))} days"));
        }
        else if (score.DaysSinceLastPurchase is not null)
        {
            parts.Add("bought once");
        }

        if (score.DaysSinceLastPurchase is { } since)
        {
            parts.Add(since switch
            {
                0 => "last purchase today",
                1 => "last purchase 1 day ago",
                _ => string.Create(CultureInfo.InvariantCulture, $"last purchase {since} days ago"),
            });
        }

        if (score.ProbabilityAlive is { } alive)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"P(alive) {alive:0.00}"));
        }

        // Only a fall is a reason; spend that held or grew says nothing about leaving.
        if (score.SpendDrop is { } drop && Percent(drop) >= 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"spend down {Percent(drop)}% on its own {spendWindowDays}-day baseline"));
        }

        if (score.AbandonedCategories.Count > 0)
        {
            parts.Add("stopped buying " + string.Join(", ", score.AbandonedCategories));
        }

        return parts.Count > 0 ? string.Join(", ", parts) : "scored " + score.ChurnStatus;
    }

    private static int Percent(double fraction) => (int)Math.Round(fraction * 100, MidpointRounding.AwayFromZero);
}
