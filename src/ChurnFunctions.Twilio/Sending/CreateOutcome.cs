using Twilio.Rest.Api.V2010.Account;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// How Twilio answered a create: the HTTP status with the created message, or with Twilio's error code and more_info
/// (never its message text, which can quote the number), and the Retry-After it asked for.
/// </summary>
internal sealed record CreateOutcome(
    int HttpStatus,
    MessageResource? Created,
    int? TwilioCode,
    string? MoreInfo,
    TwilioCallContext.RetryConditionValue? RetryAfter);
