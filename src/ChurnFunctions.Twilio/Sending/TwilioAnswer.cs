using System.Globalization;
using System.Net;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>
/// What a create answer means. <see cref="MayHaveCreated"/> is true only for answers after which Twilio may hold the
/// message without our knowing its sid (5xx, 408); a 429/20429 is never processed, a 4xx never created.
/// </summary>
internal sealed record TwilioAnswer(AttemptResult Attempt, bool MayHaveCreated, int? TwilioCode)
{
    public static TwilioAnswer Read(CreateOutcome outcome, TimeSpan? retryAfter)
    {
        var httpStatus = outcome.HttpStatus;
        var statusCode = (HttpStatusCode)httpStatus;
        if (httpStatus is >= 200 and < 300)
        {
            return new TwilioAnswer(AttemptResult.Final(SendResult.Sent(outcome.Created?.Sid)), false, null);
        }

        var errorCode = outcome.TwilioCode?.ToString(CultureInfo.InvariantCulture) ?? $"http-{httpStatus}";
        var detail = outcome.TwilioCode is null
            ? $"Twilio answered HTTP {httpStatus}."
            : $"Twilio answered HTTP {httpStatus} with error {outcome.TwilioCode} ({outcome.MoreInfo ?? "no more_info"}).";

        if (statusCode == HttpStatusCode.TooManyRequests || outcome.TwilioCode == TwilioErrorCodes.TooManyRequests)
        {
            return new TwilioAnswer(AttemptResult.Retry(errorCode, detail, retryAfter), false, outcome.TwilioCode);
        }

        if (httpStatus >= 500 || statusCode == HttpStatusCode.RequestTimeout)
        {
            return new TwilioAnswer(AttemptResult.Retry(errorCode, detail), true, outcome.TwilioCode);
        }

        var status = outcome.TwilioCode switch
        {
            TwilioErrorCodes.UnsubscribedRecipient => SendStatus.OptedOut,
            TwilioErrorCodes.InvalidToNumber or TwilioErrorCodes.NotMobileNumber or TwilioErrorCodes.LandlineNumber => SendStatus.InvalidRecipient,
            _ => SendStatus.Rejected,
        };
        return new TwilioAnswer(AttemptResult.Final(new SendResult(status, ErrorCode: errorCode, Detail: detail)), false, outcome.TwilioCode);
    }
}
