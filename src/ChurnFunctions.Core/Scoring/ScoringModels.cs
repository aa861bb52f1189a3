using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// The nightly fits, for data of any shape. A fit that cannot run (no customers, no repeat purchase, a likelihood that
/// is not finite, parameters that are not) gives null and its reason instead of an exception: the run then writes
/// null predictions, and the churn rules still decide on recency alone.
/// </summary>
internal static class ScoringModels
{
    /// <summary>Gamma-Gamma needs this many repeat buyers with positive spend; with fewer spend and CLV stay null.</summary>
    public const int MinimumRepeatBuyers = 10;

    public static IPurchaseModel? FitPurchase(CustomerSummary summary, string name, out string? reason)
    {
        if (summary.Count == 0)
        {
            reason = "no customers";
            return null;
        }

        // With no repeat purchase at all the likelihood has no interior maximum: the rates run off to zero.
        if (!summary.Frequency.AsSpan().ContainsAnyExcept(0))
        {
            reason = "no customer bought on a second day";
            return null;
        }

        try
        {
            IPurchaseModel model = name switch
            {
                "bgnbd" => BgNbdFitter.Fit(summary),
                "pareto" => ParetoNbdFitter.Fit(summary),
                _ => ModifiedBgNbdFitter.Fit(summary),
            };
            reason = Finite(model.Parameters.Values) && double.IsFinite(model.LogLikelihood) ? null : "the fit ended on values that are not finite";
            return reason is null ? model : null;
        }
        catch (ArgumentException ex)
        {
            // The optimiser refuses a likelihood that is not finite at its start point: degenerate data, not a fault.
            reason = ex.Message;
            return null;
        }
    }

    /// <summary>Fits spend on the customers whose <paramref name="include"/> is true (one currency's).</summary>
    public static GammaGammaModel? FitSpend(CustomerSummary summary, Func<int, bool> include)
    {
        var frequency = new int[summary.Count];
        var buyers = 0;
        for (var i = 0; i < summary.Count; i++)
        {
            if (include(i) && summary.Frequency[i] > 0 && summary.MonetaryValue[i] > 0)
            {
                frequency[i] = summary.Frequency[i];
                buyers++;
            }
        }

        if (buyers < MinimumRepeatBuyers)
        {
            return null;
        }

        try
        {
            var model = GammaGammaFitter.Fit(frequency, summary.MonetaryValue);

            // q <= 1 has no finite mean spend: the expected spend formula divides by p x + q - 1.
            return Finite(model.Parameters.Values) && model.Values.Q > 1 ? model : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool Finite(IEnumerable<double> values) => values.All(double.IsFinite);
}
