namespace ChurnFunctions.Analytics.Runner;

/// <summary>Which models a fit run includes.</summary>
[Flags]
public enum ModelSet
{
    None = 0,
    BgNbd = 1,
    ParetoNbd = 2,
    GammaGamma = 4,
    ModifiedBgNbd = 8,
    All = BgNbd | ParetoNbd | GammaGamma | ModifiedBgNbd,
}
