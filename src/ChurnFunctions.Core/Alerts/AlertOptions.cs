using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Alert rules and where alerts go, bound from "Alerts".</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    /// <summary>Alert when the period's churn rate is above this share.</summary>
    [Range(0.0, 1.0)]
    public double ChurnRateThreshold { get; set; } = 0.5;

    /// <summary>Alert when the churn rate is this many percent above its mean over the trailing snapshots.</summary>
    [Range(0.0, 1000.0)]
    public double ChurnRateIncreasePercent { get; set; } = 20;

    /// <summary>Snapshots the rise is measured against (the trailing 4 weeks).</summary>
    [Range(1, 366)]
    public int TrailingDays { get; set; } = 28;

    /// <summary>Alert when a high-value-tier customer's P(alive) falls below this.</summary>
    [Range(0.0, 1.0)]
    public double TopTierAliveThreshold { get; set; } = 0.5;

    /// <summary>Alert when a category's abandoning customers are this many percent above their trailing mean...</summary>
    [Range(0.0, 1000.0)]
    public double CategoryAbandonmentIncreasePercent { get; set; } = 50;

    /// <summary>...and at least this many.</summary>
    [Range(1, 1_000_000)]
    public int CategoryAbandonmentMinCustomers { get; set; } = 5;

    /// <summary>A digest lists this many of its alerts (highest CLV first), then the count of the rest and where to find them.</summary>
    [Range(1, 500)]
    public int DigestTopItems { get; set; } = 20;

    /// <summary>
    /// The API's public base URL (e.g. https://churn.example.com/api) for the link to a digest's full list; without it
    /// the digest names the route (/api/alerts?date=...&amp;rule=...).
    /// </summary>
    public string? LinkBaseUrl { get; set; }

    /// <summary>Staff address for alert emails (through SendGrid, or the outbox without it).</summary>
    public string? StaffEmail { get; set; }

    /// <summary>Staff number with its country code for alert SMS (through Twilio, or the outbox without it); sent as E.164.</summary>
    public string? StaffPhone { get; set; }

    /// <summary>A Teams or Slack incoming-webhook URL; alerts are posted as {"text": ...}.</summary>
    public string? WebhookUrl { get; set; }

    // Blank means unset (the sample settings carry ""), so [Url], which refuses "", does not fit.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(LinkBaseUrl)
            && !(Uri.TryCreate(LinkBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Use an absolute http(s) URL such as https://churn.example.com/api.", [nameof(LinkBaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(WebhookUrl)
            && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var webhook) && webhook.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Use the absolute http(s) URL of the Teams or Slack incoming webhook.", [nameof(WebhookUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(StaffEmail) && !new EmailAddressAttribute().IsValid(StaffEmail))
        {
            yield return new ValidationResult("Use one email address.", [nameof(StaffEmail)]);
        }

        if (!string.IsNullOrWhiteSpace(StaffPhone) && PhoneIdentity.ToE164(StaffPhone, null) is null)
        {
            yield return new ValidationResult("Use one phone number with its country code, e.g. +14155550123.", [nameof(StaffPhone)]);
        }
    }
}
