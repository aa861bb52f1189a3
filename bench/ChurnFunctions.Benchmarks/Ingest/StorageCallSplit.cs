using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>Counts and times the queue handler's calls into the storage ports, per operation name (--split).</summary>
internal sealed class StorageCallSplit
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public async Task<T> TimeAsync<T>(string operation, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            _counters.GetOrAdd(operation, _ => new Counter()).Add(Stopwatch.GetElapsedTime(start));
        }
    }

    public async Task TimeAsync(string operation, Func<Task> call) =>
        await TimeAsync(operation, async () => { await call(); return true; });

    public IReadOnlyList<(string Operation, long Calls, TimeSpan Total)> Snapshot() =>
        [.. _counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value.Calls, c.Value.Total))];

    public void Reset() => _counters.Clear();

    private sealed class Counter
    {
        private long _calls;
        private long _ticks;

        public long Calls => Interlocked.Read(ref _calls);

        public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Add(TimeSpan elapsed)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _ticks, elapsed.Ticks);
        }
    }
}
