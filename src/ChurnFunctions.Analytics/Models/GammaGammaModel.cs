using ChurnFunctions.Analytics.Numerics;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Fitted Gamma-Gamma spend model.</summary>
public sealed class GammaGammaModel(GammaGammaParameters parameters, double logLikelihood = double.NaN, int customersFitted = 0, FitDiagnostics? diagnostics = null)
{
    public string Name => "gg";

    public GammaGammaParameters Values { get; } = parameters;

    public IReadOnlyDictionary<string, double> Parameters => Values.ToDictionary();

    /// <summary>Summed over the repeat buyers with positive spend it was fitted on.</summary>
    public double LogLikelihood { get; } = logLikelihood;

    public int CustomersFitted { get; } = customersFitted;

    public FitDiagnostics? Diagnostics { get; } = diagnostics;

    /// <summary>
    /// E[spend per purchase | x, m] = p (gamma + x m) / (p x + q - 1): a weighted mix of the population mean
    /// p gamma / (q - 1) and the customer's own mean m. With x = 0 it is the population mean. Needs q &gt; 1.
    /// </summary>
    public double ExpectedSpend(int x, double meanSpend)
    {
        var (p, q, v) = Values;
        return p * (v + x * (x > 0 ? meanSpend : 0)) / (p * x + q - 1);
    }

    public double CustomerLogLikelihood(int x, double meanSpend) => GammaGammaLikelihood.LogLikelihood(Values, x, meanSpend);
}
