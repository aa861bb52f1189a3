using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// Whether a campaign's trigger and audience hold for a customer today. Pure: the job reads the facts. Triggers fire
/// while their condition holds; <see cref="ICampaignStarter"/> starts one instance per (customer, campaign, run key), so a
/// condition that holds for days enters the customer once. Day triggers (days after purchase, birthday, fixed date)
/// hold on their day only: a missed run does not catch up.
/// </summary>
public static class TriggerEvaluator
{
    public static bool Matches(CampaignTrigger trigger, EnrollmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(facts);
        var score = facts.Score;
        return trigger switch
        {
            SegmentEnteredTrigger t => score is not null && Same(score.Segment, t.Segment) && !Same(facts.PreviousScore?.Segment, t.Segment),
            AliveProbabilityBelowTrigger t => score is not null && score.ProbabilityAlive < t.Threshold,
            PurchaseOverdueTrigger t => score is not null && NextPurchaseDue(score) is { } due && facts.Today >= due.AddDays(t.Days),
            PartialChurnTrigger => score is { PartialChurn: true },
            CategoryAbandonmentTrigger t => score is not null
                && (t.Category is null ? score.AbandonedCategories.Count > 0 : score.AbandonedCategories.Contains(t.Category, StringComparer.OrdinalIgnoreCase)),
            DaysAfterPurchaseTrigger t => facts.Customer.LastPurchaseAt is { } last
                && DateOnly.FromDateTime(last.UtcDateTime).AddDays(t.Days) == facts.Today,
            BirthdayTrigger t => facts.Customer.Birthday is { } birthday && IsBirthday(birthday, facts.Today.AddDays(t.DaysBefore)),
            FixedDateTrigger t => facts.Today == t.Date,
            ChurnReasonTrigger t => facts.LatestFeedback is { } feedback && feedback.Reason == t.Reason,
            _ => false,
        };
    }

    /// <summary>
    /// When the customer's next purchase was due by its own cadence: the last purchase day plus the mean gap between
    /// its purchase days. Null for a one-time buyer (no cadence yet) or a score written before both were kept. The
    /// score's <see cref="CustomerScore.ExpectedNextPurchase"/> is the model's median wait counted from the scoring
    /// day, always ahead of the next morning's enrollment, so "overdue" measured against it never held.
    /// </summary>
    public static DateOnly? NextPurchaseDue(CustomerScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score is { DaysSinceLastPurchase: { } since, PurchaseGapDays: { } gap }
            ? score.AsOf.AddDays(-since + (int)Math.Round(gap, MidpointRounding.AwayFromZero))
            : null;
    }

    /// <summary>
    /// The run a matching customer enters (see <see cref="CampaignInstanceId"/>): for a recurring day trigger, the year
    /// of the birthday ("y2025"), the purchase day ("p20250301") or the date ("d20251224"); otherwise null, the key
    /// instances had before run keys, so such a campaign runs once per customer.
    /// </summary>
    public static string? RunKey(CampaignDefinition definition, EnrollmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(facts);
        if (!Recurs(definition))
        {
            return null;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return definition.Trigger switch
        {
            BirthdayTrigger t => "y" + facts.Today.AddDays(t.DaysBefore).Year.ToString(invariant),
            DaysAfterPurchaseTrigger when facts.Customer.LastPurchaseAt is { } last => "p" + last.UtcDateTime.ToString("yyyyMMdd", invariant),
            FixedDateTrigger t => "d" + t.Date.ToString("yyyyMMdd", invariant),
            _ => null,
        };
    }

    /// <summary>Whether customers enter <paramref name="definition"/> once per run key rather than once ever.</summary>
    public static bool Recurs(CampaignDefinition definition) =>
        definition is { Recurring: true, Trigger: BirthdayTrigger or DaysAfterPurchaseTrigger or FixedDateTrigger };

    /// <summary>The audience as the decider checks it at start (segment, value tier, required consent), read from the score and the record.</summary>
    public static bool InAudience(AudienceFilter audience, EnrollmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(facts);
        var context = CustomerContext.From(facts.Customer);
        return OneOf(audience.Segments, facts.Score?.Segment)
            && OneOf(audience.ValueTiers, facts.Score?.ValueTier)
            && audience.RequiredConsent.All(context.HasConsent);
    }

    /// <summary>29 February falls on 28 February in other years.</summary>
    private static bool IsBirthday(DateOnly birthday, DateOnly day) =>
        birthday.Month == day.Month && (birthday.Day == day.Day
            || (birthday is { Month: 2, Day: 29 } && day.Day == 28 && !DateTime.IsLeapYear(day.Year)));

    // Names compare in the one vocabulary, so a definition or score stored under the old spelling ("AtRisk") still matches.
    private static bool Same(string? a, string b) => ScoreNames.Same(a, b);

    private static bool OneOf(IReadOnlyList<string> allowed, string? value) =>
        allowed.Count == 0 || allowed.Any(a => ScoreNames.Same(a, value));
}
