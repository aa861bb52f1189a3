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

    /// <summary>Longest free text kept with an answer.</summary>
    [Range(1, 10_000)]
    public int MaxTextLength { get; set; } = 2000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && SigningKey!.Length < 32)
        {
            yield return new ValidationResult(
                "Use at least 32 characters, or leave it empty to turn the exit survey off.",
                [nameof(SigningKey)]);
        }
    }
}
