namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>Nearest-rank percentiles of ack latencies, in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<double> latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(At(0.50), At(0.90), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}
