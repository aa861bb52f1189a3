namespace ChurnFunctions.Core.Engagement;

/// <summary>One exit-survey answer of a customer as the API shows it: the reason's name and the customer's own words (never logged).</summary>
public sealed record CustomerFeedback(string Reason, string? Text, DateTimeOffset At);
