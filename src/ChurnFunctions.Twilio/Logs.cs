using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Twilio;

/// <summary>
/// The Twilio adapter's log events. Our send id and Twilio's message sid only: never the auth token, the recipient's
/// number or the body, and never Twilio's error message (it can quote the number).
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "SMS {SendId} accepted by Twilio as {MessageSid} on attempt {Attempt}")]
    public static partial void SmsSent(ILogger logger, string sendId, string? messageSid, int attempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "SMS {SendId} attempt {Attempt} failed with {Outcome}; retrying in {DelayMs} ms")]
    public static partial void RetryingSend(ILogger logger, string sendId, int attempt, string outcome, double delayMs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "SMS {SendId}: the answer to an earlier attempt was lost; Twilio had created {MessageSid}, not sending again")]
    public static partial void SendRecovered(ILogger logger, string sendId, string? messageSid);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "SMS {SendId} ended {Status}: HTTP {HttpStatus}, Twilio error {ErrorCode}")]
    public static partial void SendNotAccepted(ILogger logger, string sendId, string status, int httpStatus, int? errorCode);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "SMS {SendId} gave up after {Attempts} attempt(s): {ErrorCode}")]
    public static partial void SendGaveUp(ILogger logger, string sendId, int attempts, string? errorCode);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "SMS {SendId}: Twilio answered HTTP {HttpStatus} without a message sid")]
    public static partial void SentWithoutSid(ILogger logger, string sendId, int httpStatus);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "SMS {SendId}: could not look up whether an earlier attempt was created ({Outcome}); it may be sent twice")]
    public static partial void RecoveryLookupFailed(ILogger logger, string sendId, string outcome);
}
