namespace ChurnFunctions.Core.Scoring;

/// <summary>How customers moved between RFM segments from the run of <see cref="From"/> to the run of <see cref="To"/>, largest flows first.</summary>
public sealed record SegmentFlows(DateOnly From, DateOnly To, IReadOnlyList<SegmentFlow> Flows);
