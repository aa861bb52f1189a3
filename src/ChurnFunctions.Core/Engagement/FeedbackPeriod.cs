namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// Answers per reason in one period of a grouped summary: <see cref="Period"/> names it ("2024-03" for a month),
/// <see cref="From"/> and <see cref="To"/> are its UTC days within the summary's range. Reasons in one fixed order,
/// zeros included, so periods stack alike.
/// </summary>
public sealed record FeedbackPeriod(string Period, DateOnly From, DateOnly To, int Total, IReadOnlyList<ReasonCount> Reasons);
