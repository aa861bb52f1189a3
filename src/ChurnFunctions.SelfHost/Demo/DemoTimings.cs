namespace ChurnFunctions.SelfHost.Demo;

/// <summary>Where the replay's wall time went: storing rows, the nightly scoring, the daily enrollment, campaign wake-ups.</summary>
public sealed record DemoTimings(TimeSpan Ingest, TimeSpan Scoring, TimeSpan Enrollment, TimeSpan WakeUps);
