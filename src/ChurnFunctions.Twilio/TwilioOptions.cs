using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Twilio;

/// <summary>
/// The Twilio account and sender, bound from the "Twilio" section. The sender is registered only when
/// <see cref="IsConfigured"/>; otherwise the host falls back to the outbox.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    /// <summary>The account SID ("AC..."), the user name of Basic auth.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's primary auth token: the Basic auth password and the webhook signing key. Never log it.</summary>
    public string? AuthToken { get; set; }

    /// <summary>A Messaging Service ("MG..."); preferred over <see cref="FromNumber"/> when both are set.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>An E.164 Twilio number to send from when no Messaging Service is set.</summary>
    public string? FromNumber { get; set; }

    /// <summary>
    /// The public URL prefix of our app (e.g. https://churn.example.com). Status callbacks go to
    /// {PublicBaseUrl}/api/webhooks/twilio/status?sendId=..., and webhook signatures are verified against URLs built
    /// from it. Without it no StatusCallback is sent.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The REST API root; tests point it at the fake server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>Time allowed for one attempt (a recovery lookup and the create request).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt on 429/20429, 5xx, timeouts and dropped connections.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on any one retry delay, including one asked for by a Retry-After header.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// After an attempt whose outcome is unknown (timeout, dropped connection, 5xx), messages to the same recipient
    /// with the same body created up to this long before the first attempt still count as ours: it absorbs clock skew
    /// between us and Twilio (whose date_created has one-second resolution).
    /// </summary>
    public TimeSpan RecoveryClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the account, token and a sender (Messaging Service or number) are set.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid)
        && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(MessagingServiceSid) || !string.IsNullOrWhiteSpace(FromNumber));
}
