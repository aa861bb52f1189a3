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
    public static TwilioAnswer Read(HttpStatusCode statusCode, string body, TimeSpan? retryAfter)
    {
        var httpStatus = (int)statusCode;
        if (httpStatus is >= 200 and < 300)
        {
            return new TwilioAnswer(AttemptResult.Final(SendResult.Sent(TwilioMessageResource.ParseOne(body)?.Sid)), false, null);
        }

        var error = TwilioApiError.Parse(body);
        var errorCode = error.Code?.ToString(CultureInfo.InvariantCulture) ?? $"http-{httpStatus}";
        var detail = error.Code is null
            ? $"Twilio answered HTTP {httpStatus}."
            : $"Twilio answered HTTP {httpStatus} with error {error.Code} ({error.MoreInfo ?? "no more_info"}).";

        if (statusCode == HttpStatusCode.TooManyRequests || error.Code == TwilioErrorCodes.TooManyRequests)
        {
            return new TwilioAnswer(AttemptResult.Retry(errorCode, detail, retryAfter), false, error.Code);
        }

        if (httpStatus >= 500 || statusCode == HttpStatusCode.RequestTimeout)
        {
            return new TwilioAnswer(AttemptResult.Retry(errorCode, detail), true, error.Code);
        }

        var status = error.Code switch
        {
            TwilioErrorCodes.UnsubscribedRecipient => SendStatus.OptedOut,
            TwilioErrorCodes.InvalidToNumber or TwilioErrorCodes.NotMobileNumber or TwilioErrorCodes.LandlineNumber => SendStatus.InvalidRecipient,
            _ => SendStatus.Rejected,
        };
        return new TwilioAnswer(AttemptResult.Final(new SendResult(status, ErrorCode: errorCode, Detail: detail)), false, error.Code);
    }
}
