namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// Exit-survey answers per reason over a period (UTC days, inclusive); every reason is listed, zeros included.
/// <see cref="Periods"/> splits the same answers by month when asked (null otherwise).
/// </summary>
public sealed record FeedbackSummary(DateOnly From, DateOnly To, int Total, IReadOnlyList<ReasonCount> Reasons, IReadOnlyList<FeedbackPeriod>? Periods = null);
