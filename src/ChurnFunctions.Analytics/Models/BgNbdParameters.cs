namespace ChurnFunctions.Analytics.Models;

/// <summary>BG/NBD (Fader, Hardie and Lee 2005): purchase rate ~ Gamma(r, alpha), dropout probability ~ Beta(a, b).</summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        new Dictionary<string, double> { ["r"] = R, ["alpha"] = Alpha, ["a"] = A, ["b"] = B };
}
