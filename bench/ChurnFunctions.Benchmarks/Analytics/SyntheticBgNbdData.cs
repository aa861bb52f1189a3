using ChurnFunctions.Analytics.Models;
using MathNet.Numerics.Distributions;

namespace ChurnFunctions.Benchmarks.Analytics;

/// <summary>
/// Raw transaction rows drawn from a BG/NBD purchase process with Gamma-Gamma spend: per customer
/// lambda ~ Gamma(r, alpha), p ~ Beta(a, b), exponential waits, dropout with probability p after each
/// repeat purchase, spend ~ Gamma(p_gg, nu) with nu ~ Gamma(q, gamma). One model time unit is
/// <c>unitDays</c> days, so the same fitted shape parameters can produce a chosen purchase density.
/// </summary>
internal sealed class SyntheticBgNbdData
{
    public const int HorizonDays = 3 * 365;
    public const int CohortDays = 365;

    public required long[] CustomerIds { get; init; }
    public required int[] Days { get; init; }
    public required double[] Amounts { get; init; }
    public required int DrawnRows { get; init; }

    /// <summary>Simulates one customer into the buffers; returns the row count.</summary>
    public static int Customer(Random rng, BgNbdParameters bg, GammaGammaParameters gg, double unitDays, int startDay, Span<int> days, Span<double> amounts, out int firstDay)
    {
        firstDay = startDay + rng.Next(CohortDays);
        var lambda = Gamma.Sample(rng, bg.R, bg.Alpha);
        var p = Beta.Sample(rng, bg.A, bg.B);
        var nu = Gamma.Sample(rng, gg.Q, gg.Gamma);
        var rows = 0;
        var t = 0.0;
        while (rows < days.Length)
        {
            days[rows] = firstDay + (int)(t * unitDays);
            amounts[rows] = Math.Round(Gamma.Sample(rng, gg.P, nu), 2);
            rows++;
            if (rows > 1 && rng.NextDouble() < p) break;
            t += -Math.Log(1 - rng.NextDouble()) / lambda;
            if (firstDay + t * unitDays >= startDay + HorizonDays) break;
        }

        return rows;
    }

    /// <summary>Mean rows per customer for a time unit, from a fixed-seed pilot.</summary>
    public static double PilotMeanRows(BgNbdParameters bg, GammaGammaParameters gg, double unitDays, int customers, int seed)
    {
        var rng = new Random(seed);
        var days = new int[100_000];
        var amounts = new double[100_000];
        long total = 0;
        for (var c = 0; c < customers; c++) total += Customer(rng, bg, gg, unitDays, 0, days, amounts, out _);
        return (double)total / customers;
    }

    /// <summary>
    /// Draws <paramref name="customers"/> customers, then tops the rows up to exactly <paramref name="rows"/> with extra
    /// same-day rows (several orders on one day, as CDNOW has), written next to the customer's own rows so the
    /// file stays grouped by customer like a real export.
    /// </summary>
    public static SyntheticBgNbdData Draw(BgNbdParameters bg, GammaGammaParameters gg, double unitDays, int customers, int rows, int seed, int startDay)
    {
        var rng = new Random(seed);
        var drawnDays = new int[rows];
        var drawnAmounts = new double[rows];
        var counts = new int[customers];
        var drawn = 0;
        for (var c = 0; c < customers; c++)
        {
            var room = rows - drawn - (customers - c - 1);
            if (room <= 0) throw new InvalidOperationException("The draw overshot the row budget; lower the pilot target.");
            counts[c] = Customer(rng, bg, gg, unitDays, startDay, drawnDays.AsSpan(drawn, Math.Min(room, 100_000)), drawnAmounts.AsSpan(drawn, Math.Min(room, 100_000)), out _);
            drawn += counts[c];
        }

        // Spread the extra rows over drawn rows uniformly: extra[i] more rows on the day of drawn row i.
        var extra = new int[drawn];
        for (var k = drawn; k < rows; k++) extra[rng.Next(drawn)]++;
        var ids = new long[rows];
        var days = new int[rows];
        var amounts = new double[rows];
        var n = 0;
        var source = 0;
        for (var c = 0; c < customers; c++)
        {
            for (var j = 0; j < counts[c]; j++, source++)
            {
                for (var e = 0; e <= extra[source]; e++)
                {
                    ids[n] = 1_000_000_000L + c;
                    days[n] = drawnDays[source];
                    amounts[n] = e == 0 ? drawnAmounts[source] : Math.Round(drawnAmounts[source] * 0.25, 2);
                    n++;
                }
            }
        }

        return new SyntheticBgNbdData { CustomerIds = ids, Days = days, Amounts = amounts, DrawnRows = drawn };
    }
}
