using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// What the triggers look at for one customer on one day: <see cref="Today"/> (the reporting zone's calendar day of
/// the run), the latest score and the one of the day before it, and the latest exit-survey answer.
/// </summary>
public sealed record EnrollmentFacts(
    DateOnly Today,
    CustomerRecord Customer,
    CustomerScore? Score,
    CustomerScore? PreviousScore = null,
    FeedbackEntry? LatestFeedback = null);
