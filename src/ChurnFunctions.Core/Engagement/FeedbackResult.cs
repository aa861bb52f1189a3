namespace ChurnFunctions.Core.Engagement;

public sealed record FeedbackResult(
    FeedbackOutcome Outcome,
    FeedbackEntry? Entry = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Detail = null);
