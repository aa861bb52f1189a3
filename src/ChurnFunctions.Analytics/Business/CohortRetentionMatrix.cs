namespace ChurnFunctions.Analytics.Business;

/// <summary>
/// Cohorts by first-purchase month. Retention[c][m] = share of cohort c with a purchase in calendar month
/// (cohort month + m); m = 0 is always 1. Rows stop at the as-of month, so later cohorts have shorter rows.
/// </summary>
public sealed record CohortRetentionMatrix(
    IReadOnlyList<DateOnly> CohortMonths,
    IReadOnlyList<int> CohortSizes,
    IReadOnlyList<IReadOnlyList<double>> Retention);
