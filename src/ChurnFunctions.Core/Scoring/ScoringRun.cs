namespace ChurnFunctions.Core.Scoring;

/// <summary>What a scoring run did. <see cref="Model"/> is null when no purchase model could be fitted.</summary>
public sealed record ScoringRun(DateOnly AsOf, int Customers, string? Model, int AlertsRaised, TimeSpan Elapsed)
{
    /// <summary>Whether the run became the latest (false for a re-run of a day older than the published run).</summary>
    public bool Published { get; init; } = true;
}
