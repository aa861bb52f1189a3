using Twilio.Rest.Api.V2010.Account;

namespace ChurnFunctions.Twilio.Sending;

/// <summary>The fields of a listed message the lookup before a retry compares.</summary>
internal sealed record TwilioMessageResource(string? Sid, string? Body, string? MessagingServiceSid, DateTimeOffset? DateCreated)
{
    public static TwilioMessageResource From(MessageResource message) => new(
        message.Sid, message.Body, message.MessagingServiceSid, message.DateCreated is { } created ? AsUtc(created) : null);

    /// <summary>Twilio's dates are UTC; the SDK hands them over as a DateTime whose Kind depends on its parser.</summary>
    private static DateTimeOffset AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
