namespace ChurnFunctions.SelfHost.Demo;

/// <summary>
/// The app's one clock during `churn demo`: now is what the demo driver last set, and only ever moves forward.
/// Timers and timestamps stay real (the base implementation): a retry's back-off or an HTTP timeout takes its real
/// time, so nothing fires early, or all at once, when the simulated calendar jumps a week.
/// </summary>
public sealed class SimulatedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    /// <summary>Moves now to <paramref name="instant"/>; an instant at or before now changes nothing.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var target = instant.UtcTicks;
        while (true)
        {
            var current = Interlocked.Read(ref ticks);
            if (target <= current || Interlocked.CompareExchange(ref ticks, target, current) == current)
            {
                return;
            }
        }
    }
}
