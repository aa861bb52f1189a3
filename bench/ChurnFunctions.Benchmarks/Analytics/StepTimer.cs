using System.Diagnostics;

namespace ChurnFunctions.Benchmarks.Analytics;

/// <summary>Wall and process CPU time since the last restart; CPU time stays meaningful on a shared, loaded machine.</summary>
internal sealed class StepTimer
{
    private readonly Stopwatch _wall = new();
    private TimeSpan _cpuStart;

    public StepTimer() => Restart();

    public TimeSpan Wall => _wall.Elapsed;

    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpuStart;

    public void Restart()
    {
        _cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        _wall.Restart();
    }
}
