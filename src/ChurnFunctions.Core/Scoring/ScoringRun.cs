namespace ChurnFunctions.Core.Scoring;

/// <summary>What a scoring run did.</summary>
public sealed record ScoringRun(DateOnly AsOf, int Customers, string Model, int AlertsRaised, TimeSpan Elapsed);
