namespace ChurnFunctions.Core.Cohorts;

/// <summary>
/// Customers whose first purchase fell in <see cref="Month"/> (yyyy-MM): for each month since (0 = that month), how many
/// bought (<see cref="Buying"/>) and which share of the cohort that is. The lists end at the as-of month.
/// </summary>
public sealed record CohortRow(string Month, int Customers, IReadOnlyList<int> Buying, IReadOnlyList<double> Share);
