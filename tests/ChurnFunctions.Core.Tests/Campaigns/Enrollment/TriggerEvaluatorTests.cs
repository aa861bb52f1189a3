using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Tests.Campaigns.Enrollment;

public sealed class TriggerEvaluatorTests
{
    private static readonly DateOnly Today = new(2024, 6, 3);

    [Fact]
    public void Segment_entered_holds_when_today_is_the_segment_and_the_day_before_was_not()
    {
        var trigger = new SegmentEnteredTrigger("at-risk");

        Assert.True(TriggerEvaluator.Matches(trigger, Facts(Score(segment: "At-Risk"), Score(segment: "loyal"))));
        Assert.True(TriggerEvaluator.Matches(trigger, Facts(Score(segment: "at-risk"), previous: null)));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(Score(segment: "at-risk"), Score(segment: "at-risk"))));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(Score(segment: "loyal"), Score(segment: "at-risk"))));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(score: null)));
    }

    [Fact]
    public void Alive_probability_below_holds_strictly_under_the_threshold()
    {
        var trigger = new AliveProbabilityBelowTrigger(0.3);

        Assert.True(TriggerEvaluator.Matches(trigger, Facts(Score(alive: 0.29))));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(Score(alive: 0.3))));
    }

    [Fact]
    public void Purchase_overdue_holds_from_the_day_due_by_the_customers_cadence_plus_the_days()
    {
        // Scored yesterday: buys every ~21 days, last purchase 34 days before the scoring day, so due 13 days before
        // it, 14 days before today.
        var trigger = new PurchaseOverdueTrigger(14);
        CustomerScore Cadence(int since, double? gap) => Score() with { DaysSinceLastPurchase = since, PurchaseGapDays = gap };

        Assert.Equal(Today.AddDays(-14), TriggerEvaluator.NextPurchaseDue(Cadence(34, 21)));
        Assert.True(TriggerEvaluator.Matches(trigger, Facts(Cadence(34, 21))));
        Assert.True(TriggerEvaluator.Matches(trigger, Facts(Cadence(63, 21))));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(Cadence(33, 21))));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(Cadence(300, null))));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(Score(expectedNext: Today.AddDays(-100)))));
    }

    [Fact]
    public void Partial_churn_follows_the_score_flag()
    {
        Assert.True(TriggerEvaluator.Matches(new PartialChurnTrigger(), Facts(Score(partialChurn: true))));
        Assert.False(TriggerEvaluator.Matches(new PartialChurnTrigger(), Facts(Score(partialChurn: false))));
    }

    [Fact]
    public void Category_abandonment_matches_the_named_category_or_any_without_a_name()
    {
        var facts = Facts(Score(abandoned: ["Coffee"]));

        Assert.True(TriggerEvaluator.Matches(new CategoryAbandonmentTrigger("coffee"), facts));
        Assert.False(TriggerEvaluator.Matches(new CategoryAbandonmentTrigger("tea"), facts));
        Assert.True(TriggerEvaluator.Matches(new CategoryAbandonmentTrigger(), facts));
        Assert.False(TriggerEvaluator.Matches(new CategoryAbandonmentTrigger(), Facts(Score(abandoned: []))));
    }

    [Fact]
    public void Days_after_purchase_holds_on_that_day_only()
    {
        var trigger = new DaysAfterPurchaseTrigger(30);
        var bought = new DateTimeOffset(2024, 5, 4, 18, 0, 0, TimeSpan.Zero);

        Assert.True(TriggerEvaluator.Matches(trigger, Facts(customer: Customer() with { LastPurchaseAt = bought })));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(customer: Customer() with { LastPurchaseAt = bought.AddDays(-1) })));
        Assert.False(TriggerEvaluator.Matches(trigger, Facts(customer: Customer())));
    }

    [Fact]
    public void Birthday_holds_the_given_days_ahead_and_a_leap_day_on_28_february()
    {
        Assert.True(TriggerEvaluator.Matches(new BirthdayTrigger(), Facts(customer: Customer() with { Birthday = new DateOnly(1990, 6, 3) })));
        Assert.True(TriggerEvaluator.Matches(new BirthdayTrigger(7), Facts(customer: Customer() with { Birthday = new DateOnly(1990, 6, 10) })));
        Assert.False(TriggerEvaluator.Matches(new BirthdayTrigger(), Facts(customer: Customer() with { Birthday = new DateOnly(1990, 6, 4) })));
        var leap = Customer() with { Birthday = new DateOnly(2000, 2, 29) };
        Assert.True(TriggerEvaluator.Matches(new BirthdayTrigger(), Facts(customer: leap) with { Today = new DateOnly(2023, 2, 28) }));
        Assert.False(TriggerEvaluator.Matches(new BirthdayTrigger(), Facts(customer: leap) with { Today = new DateOnly(2024, 2, 28) }));
        Assert.True(TriggerEvaluator.Matches(new BirthdayTrigger(), Facts(customer: leap) with { Today = new DateOnly(2024, 2, 29) }));
    }

    [Fact]
    public void Fixed_date_holds_on_the_date()
    {
        Assert.True(TriggerEvaluator.Matches(new FixedDateTrigger(Today), Facts()));
        Assert.False(TriggerEvaluator.Matches(new FixedDateTrigger(Today.AddDays(1)), Facts()));
    }

    [Fact]
    public void Churn_reason_matches_the_latest_answer()
    {
        var facts = Facts() with { LatestFeedback = new FeedbackEntry("c1", ChurnReason.Price, null, DateTimeOffset.UnixEpoch) };

        Assert.True(TriggerEvaluator.Matches(new ChurnReasonTrigger(ChurnReason.Price), facts));
        Assert.False(TriggerEvaluator.Matches(new ChurnReasonTrigger(ChurnReason.Service), facts));
        Assert.False(TriggerEvaluator.Matches(new ChurnReasonTrigger(ChurnReason.Price), Facts()));
    }

    [Fact]
    public void Audience_checks_segment_value_tier_and_required_consent()
    {
        var consenting = Customer() with { Consents = [new ConsentRecord(MessageChannel.Email, true, "shopify", DateTimeOffset.UnixEpoch)] };
        var facts = Facts(Score(segment: "at-risk", valueTier: "High"), customer: consenting);

        Assert.True(TriggerEvaluator.InAudience(new AudienceFilter(), facts));
        Assert.True(TriggerEvaluator.InAudience(new AudienceFilter { Segments = ["AT-RISK"], ValueTiers = ["high"], RequiredConsent = [MessageChannel.Email] }, facts));
        Assert.False(TriggerEvaluator.InAudience(new AudienceFilter { Segments = ["loyal"] }, facts));
        Assert.False(TriggerEvaluator.InAudience(new AudienceFilter { ValueTiers = ["Low"] }, facts));
        Assert.False(TriggerEvaluator.InAudience(new AudienceFilter { RequiredConsent = [MessageChannel.Sms] }, facts));
        Assert.False(TriggerEvaluator.InAudience(new AudienceFilter { Segments = ["at-risk"] }, Facts(score: null)));
    }

    private static EnrollmentFacts Facts(CustomerScore? score = null, CustomerScore? previous = null, CustomerRecord? customer = null) =>
        new(Today, customer ?? Customer(), score, previous);

    private static CustomerRecord Customer() => new() { Id = "c1" };

    private static CustomerScore Score(
        string segment = "active",
        double alive = 0.9,
        DateOnly? expectedNext = null,
        bool partialChurn = false,
        IReadOnlyList<string>? abandoned = null,
        string valueTier = "Medium") =>
        new("c1", Today.AddDays(-1), alive, 1, 90, expectedNext, null, null, 1, 1, 1, segment, "T2", valueTier, "active", partialChurn, abandoned ?? []);
}
