namespace ChurnFunctions.Analytics.Models;

/// <summary>Gamma-Gamma spend model (Fader, Hardie and Lee 2005): spend per purchase ~ Gamma(p, nu), nu ~ Gamma(q, gamma).</summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        new Dictionary<string, double> { ["p"] = P, ["q"] = Q, ["gamma"] = Gamma };
}
