namespace ChurnFunctions.Analytics.Models;

/// <summary>MBG/NBD (Batislam, Denizel and Filiztekin 2007): as BG/NBD, but a customer may also drop out right after the first purchase.</summary>
public sealed record ModifiedBgNbdParameters(double R, double Alpha, double A, double B)
{
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        new Dictionary<string, double> { ["r"] = R, ["alpha"] = Alpha, ["a"] = A, ["b"] = B };
}
