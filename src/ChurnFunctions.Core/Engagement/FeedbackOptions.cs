using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Engagement;

/// <summary>The exit survey's signed links ("Feedback" section).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>
    /// The HMAC-SHA256 key for survey tokens, at least 32 characters. Without it no link can be made and every
    /// submission is refused (fail closed).
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>How long a link made with <see cref="FeedbackLinks.Create(string)"/> stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "366.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Longest free text kept with an answer.</summary>
    [Range(1, 10_000)]
    public int MaxTextLength { get; set; } = 2000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningKey);
}
