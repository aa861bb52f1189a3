using System.Diagnostics;
using System.Globalization;

namespace ChurnFunctions.Core.Tests.Support;

/// <summary>
/// How much CPU the calling thread spent running an action, for timing tests that must hold on a busy machine: time
/// spent waiting for a core is not counted. Linux reads it from /proc/thread-self/schedstat; elsewhere it falls back
/// to the wall clock.
/// </summary>
internal static class ThreadCpuTime
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    public static TimeSpan Of(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!File.Exists(SchedStat))
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            return stopwatch.Elapsed;
        }

        var before = OnCpuNanoseconds();
        action();
        return TimeSpan.FromTicks((OnCpuNanoseconds() - before) / 100);
    }

    // The first field is the thread's time on a CPU in nanoseconds; the action runs synchronously on this thread.
    private static long OnCpuNanoseconds() =>
        long.Parse(File.ReadAllText(SchedStat).Split(' ')[0], CultureInfo.InvariantCulture);
}
