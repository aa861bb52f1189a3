namespace ChurnFunctions.Core.Engagement;

/// <summary>The verdict on a survey token; <see cref="CustomerId"/> is set only when <see cref="Status"/> is Valid.</summary>
public sealed record FeedbackTokenCheck(FeedbackTokenStatus Status, string? CustomerId = null, DateTimeOffset? ExpiresAt = null);
