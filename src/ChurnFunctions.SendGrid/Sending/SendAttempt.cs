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
    public bool IsTransient => Outcome is AttemptOutcome.TooManyRequests or AttemptOutcome.ServerError
        or AttemptOutcome.TimedOut or AttemptOutcome.ConnectionFailed;
}
