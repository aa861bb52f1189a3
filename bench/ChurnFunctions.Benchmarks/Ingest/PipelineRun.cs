using System.Diagnostics;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>One measured run through the pipeline: how it was sent, and when the last delivery was stored.</summary>
internal sealed record PipelineRun(string Label, DriveResult Drive, StoredResult Stored)
{
    /// <summary>From the first send until the last delivery was found stored.</summary>
    public TimeSpan StoredElapsed => Stopwatch.GetElapsedTime(Drive.StartTimestamp, Stored.CompletedTimestamp);

    public double StoredPerSecond => Drive.Accepted / StoredElapsed.TotalSeconds;

    public LatencySummary Ack { get; } = LatencySummary.Of(Drive.LatenciesMs);
}
