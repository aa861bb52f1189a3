namespace ChurnFunctions.Core.Engagement;

/// <summary>The body of POST /api/feedback.</summary>
public sealed record FeedbackSubmission(string? Token, string? Reason, string? Text);
