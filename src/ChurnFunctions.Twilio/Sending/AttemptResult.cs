using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>What one attempt ended with: a final result, or a transient one worth retrying (after Retry-After if given).</summary>
internal sealed record AttemptResult(SendResult Result, bool Retryable, TimeSpan? RetryAfter = null)
{
    public static AttemptResult Final(SendResult result) => new(result, Retryable: false);

    public static AttemptResult Retry(string errorCode, string detail, TimeSpan? retryAfter = null) =>
        new(new SendResult(SendStatus.Transient, ErrorCode: errorCode, Detail: detail), Retryable: true, retryAfter);
}
