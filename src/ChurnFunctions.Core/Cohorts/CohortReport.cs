namespace ChurnFunctions.Core.Cohorts;

/// <summary>The cohort table up to <see cref="AsOf"/> (the latest run's day), oldest cohort first.</summary>
public sealed record CohortReport(DateOnly AsOf, IReadOnlyList<CohortRow> Cohorts);
