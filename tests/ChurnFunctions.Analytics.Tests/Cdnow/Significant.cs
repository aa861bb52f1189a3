namespace ChurnFunctions.Analytics.Tests.Cdnow;

/// <summary>Rounds to significant digits, the precision the reference figures are quoted in.</summary>
internal static class Significant
{
    public static double Round(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
