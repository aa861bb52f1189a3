using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.SendGrid;

/// <summary>
/// SendGrid v3 Mail Send and the signed Event Webhook. Without <see cref="ApiKey"/> the sender is not registered and
/// the host falls back to its outbox.
/// </summary>
public sealed class SendGridOptions
{
    public const string SectionName = "SendGrid";

    /// <summary>API key with Mail Send permission. A secret: never log it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// A verified sender address; required when <see cref="ApiKey"/> is set. Checked in AddSendGrid rather than by
    /// [EmailAddress], which refuses the empty value a template deploys for a setting not given.
    /// </summary>
    public string? FromEmail { get; set; }

    public string? FromName { get; set; }

    /// <summary>
    /// The Signed Event Webhook verification key as SendGrid shows it: base64 DER SubjectPublicKeyInfo of an ECDSA
    /// P-256 key (no PEM framing). Without it every webhook signature is refused.
    /// </summary>
    public string? EventWebhookPublicKey { get; set; }

    /// <summary>
    /// When set, a webhook whose signed timestamp is further than this from now is refused (replay window). Off by
    /// default: SendGrid documents no window, and it may redeliver a failed batch for hours; events carry
    /// sg_event_id, so a replay is deduplicated downstream anyway.
    /// </summary>
    public TimeSpan? EventWebhookMaxAge { get; set; }

    /// <summary>API root; tests point it at the fake server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");

    /// <summary>Time allowed for one attempt (request and response).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt on 429, 5xx, timeouts and connection failures.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay when the response names none; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest Retry-After this sender waits for; a longer one ends the retries with
    /// <see cref="Core.Messaging.SendStatus.Transient"/> so the caller's own retry (queue, outbox) takes over.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when an API key is set, that is when email goes through SendGrid.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
