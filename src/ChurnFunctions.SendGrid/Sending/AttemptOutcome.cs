namespace ChurnFunctions.SendGrid.Sending;

/// <summary>How one HTTP attempt ended.</summary>
internal enum AttemptOutcome
{
    Accepted,
    Rejected,
    TooManyRequests,
    ServerError,
    /// <summary>No answer in time: SendGrid may have accepted it.</summary>
    TimedOut,
    /// <summary>No connection was made: SendGrid never saw the request.</summary>
    ConnectionFailed,

    /// <summary>The request was written and the connection lost before an answer: SendGrid may have accepted it.</summary>
    AnswerLost,
}
