namespace ChurnFunctions.Analytics.Numerics;

/// <summary>
/// Splits a likelihood sum over grouped customers into one chunk per core. Below the threshold the
/// thread hand-off costs more than it saves (CDNOW has about 10,000 groups).
/// </summary>
internal static class ParallelSum
{
    public const int Threshold = 40_000;

    /// <summary>Calls <paramref name="chunk"/>(start, end, accumulator) and adds the per-chunk accumulators into <paramref name="total"/>.</summary>
    /// <param name="threshold">Items below which one thread is used; lower it for expensive items (Pareto/NBD's 2F1).</param>
    public static void Run(int count, Span<double> total, Action<int, int, double[]> chunk, int threshold = Threshold)
    {
        var width = total.Length;
        var parts = count < threshold ? 1 : Math.Min(Environment.ProcessorCount, 8);
        if (parts == 1)
        {
            var single = new double[width];
            chunk(0, count, single);
            single.CopyTo(total);
            return;
        }

        var partial = new double[parts][];
        Parallel.For(0, parts, p =>
        {
            var local = new double[width];
            chunk((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts), local);
            partial[p] = local;
        });
        total.Clear();
        foreach (var local in partial)
            for (var i = 0; i < width; i++) total[i] += local[i];
    }
}
