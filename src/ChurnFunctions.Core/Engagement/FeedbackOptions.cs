using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Engagement;

/// <summary>The exit survey's signed links ("Feedback" section).</summary>
public sealed class FeedbackOptions : IValidatableObject
{
    public const string SectionName = "Feedback";

    /// <summary>
    /// The HMAC-SHA256 key for survey tokens, at least 32 characters. Without it no link can be made and every
    /// submission is refused (fail closed). An empty value counts as unset: app settings deployed from a template
    /// carry "" for a secret not given, and that must not stop the host.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link made with <see cref="FeedbackLinks.Create(string)"/> stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "366.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The API's public base URL (e.g. https://churn.example.com/api): {{surveyLink}} in a campaign message renders as
    /// "{LinkBaseUrl}/feedback?token={signed token}", the route a survey page posts the answer to. Unset, with the key
    /// set or not, the placeholder renders its fallback (or nothing).
    /// </summary>
    public string? LinkBaseUrl { get; set; }

    /// <summary>Longest free text kept with an answer.</summary>
    [Range(1, 10_000)]
    public int MaxTextLength { get; set; } = 2000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>Links can be made: a key and an absolute base URL.</summary>
    public bool CanMakeLinks => IsConfigured && BaseUri is not null;

    /// <summary><see cref="LinkBaseUrl"/> as a URL; null when unset or empty (a template's unset parameter).</summary>
    public Uri? BaseUri => !string.IsNullOrWhiteSpace(LinkBaseUrl)
        && Uri.TryCreate(LinkBaseUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && SigningKey!.Length < 32)
        {
            yield return new ValidationResult(
                "Use at least 32 characters, or leave it empty to turn the exit survey off.",
                [nameof(SigningKey)]);
        }

        if (!string.IsNullOrWhiteSpace(LinkBaseUrl) && BaseUri is null)
        {
            yield return new ValidationResult("Use an absolute http(s) URL, the API's public base (e.g. https://churn.example.com/api).", [nameof(LinkBaseUrl)]);
        }
    }
}
