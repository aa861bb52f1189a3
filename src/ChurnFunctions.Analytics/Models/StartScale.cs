using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Models;

/// <summary>Starting rate scale: lifetimes rescales time so the largest T is 10, then starts every parameter at 1.</summary>
internal static class StartScale
{
    public static double Alpha(FrequencyGroups groups)
    {
        double max = 0;
        foreach (var t in groups.T) max = Math.Max(max, t);
        return Math.Max(max / 10, 1e-3);
    }
}
