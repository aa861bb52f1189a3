using Microsoft.Extensions.Logging;

namespace ChurnFunctions.SendGrid;

/// <summary>
/// Recurring log events of the SendGrid adapter. Our send id and SendGrid's message id only: never the API key, a
/// recipient address or a message body.
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "SendGrid accepted send {SendId} as {ProviderMessageId}")]
    public static partial void Accepted(ILogger logger, string sendId, string? providerMessageId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "SendGrid send {SendId} failed with {Outcome} ({ErrorCode}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string sendId, string outcome, string? errorCode, int attempt, double delayMs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "SendGrid send {SendId} failed with {Outcome} ({ErrorCode}) after {Attempts} attempt(s); reporting it as transient")]
    public static partial void GaveUp(ILogger logger, string sendId, string outcome, string? errorCode, int attempts);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "SendGrid rejected send {SendId} as {Status} ({ErrorCode}): {Detail}")]
    public static partial void Rejected(ILogger logger, string sendId, string status, string? errorCode, string? detail);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "SendGrid send {SendId}: {Outcome} ({ErrorCode}) after the request was written; not retried, reported as maybe sent")]
    public static partial void AnswerLost(ILogger logger, string sendId, string outcome, string? errorCode);
}
