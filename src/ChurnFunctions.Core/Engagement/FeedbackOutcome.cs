namespace ChurnFunctions.Core.Engagement;

public enum FeedbackOutcome
{
    Stored,

    /// <summary>Field errors: a 400.</summary>
    Invalid,

    /// <summary>Bad signature, expired, or no key configured: a 401.</summary>
    Unauthorized,
}
