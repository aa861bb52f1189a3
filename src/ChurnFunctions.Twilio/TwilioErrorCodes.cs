namespace ChurnFunctions.Twilio;

/// <summary>The Twilio error codes the sender acts on (https://www.twilio.com/docs/api/errors/{code}).</summary>
public static class TwilioErrorCodes
{
    /// <summary>Too many concurrent requests; Twilio never processed the request, so it is safe to retry.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>Invalid 'To' phone number.</summary>
    public const int InvalidToNumber = 21211;

    /// <summary>Message body is required.</summary>
    public const int BodyRequired = 21602;

    /// <summary>'To' phone number is required.</summary>
    public const int ToRequired = 21604;

    /// <summary>The recipient replied STOP to this sender: attempt to send to an unsubscribed recipient.</summary>
    public const int UnsubscribedRecipient = 21610;

    /// <summary>'To' number is not a valid mobile number.</summary>
    public const int NotMobileNumber = 21614;

    /// <summary>'To' number cannot be a landline (the same meaning as 21614 where Twilio does not try landlines).</summary>
    public const int LandlineNumber = 21635;
}
