using System.Globalization;

namespace ChurnFunctions.Core.Campaigns.Enrollment;

/// <summary>
/// A trigger in words, for people: <see cref="Rule"/> the rule alone (a staff task's reason), <see cref="Explain"/> the
/// rule with the customer's own figures (an enrollment dry run's "why"). Ids only, never contact details.
/// </summary>
public static class TriggerReasons
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Rule(CampaignTrigger trigger) => trigger switch
    {
        SegmentEnteredTrigger t => $"entered the {t.Segment} segment",
        AliveProbabilityBelowTrigger t => $"P(alive) below {Number(t.Threshold)}",
        PurchaseOverdueTrigger t => $"next purchase overdue by {t.Days} days or more on the customer's own cadence",
        PartialChurnTrigger => "spending much less than before (partial churn)",
        CategoryAbandonmentTrigger t => t.Category is null ? "stopped buying a category" : $"stopped buying {t.Category}",
        DaysAfterPurchaseTrigger t => $"{t.Days} days after a purchase",
        BirthdayTrigger { DaysBefore: 0 } => "birthday today",
        BirthdayTrigger t => $"birthday in {t.DaysBefore} days",
        FixedDateTrigger t => $"the date {t.Date.ToString("yyyy-MM-dd", Invariant)}",
        ChurnReasonTrigger t => $"exit survey answered '{CampaignChoices.ChurnReasons[(int)t.Reason]}'",
        _ => trigger.GetType().Name,
    };

    /// <summary>The rule that matched, with the figures it matched on.</summary>
    public static string Explain(CampaignTrigger trigger, EnrollmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(facts);
        var score = facts.Score;
        return trigger switch
        {
            SegmentEnteredTrigger t => $"entered the {t.Segment} segment (was {facts.PreviousScore?.Segment ?? "unscored"} the day before)",
            AliveProbabilityBelowTrigger t => $"P(alive) {Number(score?.ProbabilityAlive)} is below {Number(t.Threshold)}",
            PurchaseOverdueTrigger t when score is { PurchaseGapDays: { } gap } && TriggerEvaluator.NextPurchaseDue(score) is { } due =>
                $"buys every ~{Math.Max(1, (int)Math.Round(gap, MidpointRounding.AwayFromZero))} days; the next purchase was due {Day(due)}, {facts.Today.DayNumber - due.DayNumber} days ago (rule: {t.Days} days or more)",
            PartialChurnTrigger => "spend in the last 90 days is down on the customer's own baseline (partial churn)",
            CategoryAbandonmentTrigger => $"stopped buying {string.Join(", ", score?.AbandonedCategories ?? [])}",
            DaysAfterPurchaseTrigger t when facts.Customer.LastPurchaseAt is { } last =>
                $"last purchase {Day(DateOnly.FromDateTime(last.UtcDateTime))}, {t.Days} days ago",
            ChurnReasonTrigger t => $"exit survey answered '{CampaignChoices.ChurnReasons[(int)t.Reason]}' on {Day(DateOnly.FromDateTime(facts.LatestFeedback?.At.UtcDateTime ?? default))}",
            _ => Rule(trigger),
        };
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "unknown";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);
}
