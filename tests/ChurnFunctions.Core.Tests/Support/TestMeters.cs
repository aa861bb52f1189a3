using System.Diagnostics.Metrics;
using ChurnFunctions.Core.Telemetry;

namespace ChurnFunctions.Core.Tests.Support;

/// <summary>
/// An <see cref="IMeterFactory"/> of the test's own: its meters carry it as their scope, so a listener can tell this
/// test's instruments from those of tests running beside it.
/// </summary>
internal sealed class TestMeters : IMeterFactory
{
    private readonly List<Meter> meters = [];

    public static ChurnMetrics Metrics() => new(new TestMeters());

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        lock (meters)
        {
            meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (meters)
        {
            meters.ForEach(m => m.Dispose());
            meters.Clear();
        }
    }
}
