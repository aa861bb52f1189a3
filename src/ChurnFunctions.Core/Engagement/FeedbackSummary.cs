namespace ChurnFunctions.Core.Engagement;

/// <summary>Exit-survey answers per reason over a period (UTC days, inclusive); every reason is listed, zeros included.</summary>
public sealed record FeedbackSummary(DateOnly From, DateOnly To, int Total, IReadOnlyList<ReasonCount> Reasons);
