namespace ChurnFunctions.SendGrid.Sending;

/// <summary>
/// One attempt, read and disposed inside the attempt so the retry decision never holds a response open.
/// <see cref="ErrorCode"/> is the HTTP status, or "timeout" / "connection"; <see cref="Detail"/> is safe to log.
/// </summary>
internal sealed record SendAttempt(
    AttemptOutcome Outcome,
    string? ErrorCode = null,
    string? ProviderMessageId = null,
    TimeSpan? RetryAfter = null,
    string? Detail = null,
    bool InvalidRecipient = false)
{
    /// <summary>Safe to retry at once: SendGrid answered that it did not take the request, or never saw it.</summary>
    public bool IsTransient => Outcome is AttemptOutcome.TooManyRequests or AttemptOutcome.ServerError or AttemptOutcome.ConnectionFailed;

    /// <summary>SendGrid may have accepted it (no idempotency key): a retry could send it twice, so none is made.</summary>
    public bool IsUncertain => Outcome is AttemptOutcome.TimedOut or AttemptOutcome.AnswerLost;
}
