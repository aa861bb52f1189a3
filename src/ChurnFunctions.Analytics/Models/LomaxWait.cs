namespace ChurnFunctions.Analytics.Models;

/// <summary>Shared by the NBD-family models: the purchase rate's posterior given activity is Gamma(r + x, alpha + T).</summary>
internal static class LomaxWait
{
    /// <summary>Median of the Lomax wait: solves ((alpha + T) / (alpha + T + w))^(r + x) = 1/2.</summary>
    public static double Median(double r, double alpha, int x, double t) =>
        (alpha + t) * (Math.Exp(Math.Log(2) / (r + x)) - 1);
}
