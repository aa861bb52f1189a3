namespace ChurnFunctions.Analytics.Models;

/// <summary>Pareto/NBD (Schmittlein, Morrison and Colombo 1987): purchase rate ~ Gamma(r, alpha), dropout rate ~ Gamma(s, beta).</summary>
public sealed record ParetoNbdParameters(double R, double Alpha, double S, double Beta)
{
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        new Dictionary<string, double> { ["r"] = R, ["alpha"] = Alpha, ["s"] = S, ["beta"] = Beta };
}
