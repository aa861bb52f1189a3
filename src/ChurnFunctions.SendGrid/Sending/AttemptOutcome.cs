namespace ChurnFunctions.SendGrid.Sending;

/// <summary>How one HTTP attempt ended.</summary>
internal enum AttemptOutcome
{
    Accepted,
    Rejected,
    TooManyRequests,
    ServerError,
    TimedOut,
    ConnectionFailed,
}
