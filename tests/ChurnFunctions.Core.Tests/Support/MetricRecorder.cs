using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChurnFunctions.Core.Telemetry;

namespace ChurnFunctions.Core.Tests.Support;

/// <summary>Records what the instruments of one <see cref="TestMeters"/> factory measure (tests in parallel use their own).</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();

    public MetricRecorder()
    {
        Metrics = new ChurnMetrics(Meters);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, Meters) && instrument.Meter.Name == ChurnTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    public TestMeters Meters { get; } = new();

    public ChurnMetrics Metrics { get; }

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tags include every one given.</summary>
    public double Sum(string instrument, params (string Key, object Value)[] tags) =>
        Matching(instrument, tags).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, object Value)[] tags) => Matching(instrument, tags).Count();

    public void Dispose()
    {
        listener.Dispose();
        Meters.Dispose();
    }

    private IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Matching(string instrument, (string Key, object Value)[] tags) =>
        measurements.Where(m => m.Instrument == instrument
            && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)));

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measurements.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}
