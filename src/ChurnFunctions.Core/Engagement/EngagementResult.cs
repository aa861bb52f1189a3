namespace ChurnFunctions.Core.Engagement;

/// <summary>How many provider events a delivery carried and how many of them were redeliveries skipped.</summary>
public sealed record EngagementResult(int Received, int Duplicates);
