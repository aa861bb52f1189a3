using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignDeciderStartTests
{
    [Fact]
    public void Start_sends_the_first_email_keyed_by_instance_and_step_with_placeholders_filled()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3)));

        var actions = rig.Apply(new Start(), Monday);

        var send = Assert.IsType<SendEmail>(Assert.Single(actions));
        Assert.Equal("email1", send.StepId);
        Assert.Equal(CampaignInstanceId.For(CustomerId, CampaignId) + ":email1", send.SendId);
        Assert.Equal(send.SendId, send.Message.SendId);
        Assert.Equal("ada@example.com", send.Message.To);
        Assert.Equal("d-winback", send.Message.TemplateId);
        Assert.Equal("Hi Ada", send.Message.TemplateData!["greeting"]);
        Assert.Equal(CampaignPhase.Active, rig.State.Phase);
        Assert.Equal("email1", rig.State.CurrentStepId);
        Assert.Equal(Monday, rig.State.EnteredAt);
    }

    [Fact]
    public void A_missing_first_name_uses_the_placeholder_fallback()
    {
        var rig = new DeciderRig(Definition(Email()), Customer() with { FirstName = null });

        var send = Assert.IsType<SendEmail>(Assert.Single(rig.Apply(new Start(), Monday)));

        Assert.Equal("Hi there", send.Message.TemplateData!["greeting"]);
    }

    [Fact]
    public void Holdout_customer_enters_is_recorded_and_receives_no_send_coupon_or_task()
    {
        var customer = CustomerInHoldout(true);
        var definition = Definition(Coupon("c1"), Email("email1"), new CreateStaffTaskStep { Id = "call", Text = "Call {{firstName}}" }) with { HoldoutPercent = 10 };
        var rig = new DeciderRig(definition, Customer(customer));

        var atStart = rig.Apply(new Start(), Monday);
        var onWake = rig.Apply(new WakeUp(), Monday.AddDays(1));

        var deadline = Monday.AddDays(14);
        Assert.Equal([new ScheduleWakeUp(deadline)], atStart);
        Assert.Equal([new ScheduleWakeUp(deadline)], onWake);
        Assert.True(rig.State.IsHoldout);
        Assert.Equal(CampaignPhase.Tracking, rig.State.Phase);
        Assert.Equal(CompletionReason.Holdout, rig.State.ExitReason);
        Assert.Null(rig.State.CouponCode);
    }

    [Fact]
    public void Holdout_customer_is_tracked_for_conversion_and_completes_with_purchase()
    {
        var rig = new DeciderRig(Definition(Email()) with { HoldoutPercent = 10 }, Customer(CustomerInHoldout(true)));
        rig.Apply(new Start(), Monday);

        var actions = rig.Apply(new PurchaseObserved(Monday.AddDays(5), 42.50m), Monday.AddDays(5));

        Assert.Equal([new Complete(CompletionReason.Purchase)], actions);
        Assert.Equal(new Conversion(Monday.AddDays(5), 42.50m), rig.State.Conversion);
        Assert.True(rig.State.IsHoldout);
    }

    [Fact]
    public void Holdout_without_a_purchase_completes_as_holdout_at_the_deadline()
    {
        var rig = new DeciderRig(Definition(Email()) with { HoldoutPercent = 10 }, Customer(CustomerInHoldout(true)));
        rig.Apply(new Start(), Monday);

        var actions = rig.Apply(new WakeUp(), Monday.AddDays(14));

        Assert.Equal([new Complete(CompletionReason.Holdout)], actions);
        Assert.Null(rig.State.Conversion);
    }

    [Fact]
    public void Customer_outside_the_holdout_gets_the_campaign_at_the_same_percentage()
    {
        var rig = new DeciderRig(Definition(Email()) with { HoldoutPercent = 10 }, Customer(CustomerInHoldout(false)));

        Assert.IsType<SendEmail>(Assert.Single(rig.Apply(new Start(), Monday)));
        Assert.False(rig.State.IsHoldout);
    }

    [Fact]
    public void Customer_outside_the_audience_segment_completes_not_eligible()
    {
        var definition = Definition(Email()) with { Audience = new AudienceFilter { Segments = ["at-risk"] } };
        var rig = new DeciderRig(definition, Customer() with { Segment = "loyal" });

        Assert.Equal([new Complete(CompletionReason.NotEligible)], rig.Apply(new Start(), Monday));
        Assert.Equal(CampaignPhase.Completed, rig.State.Phase);
    }

    [Fact]
    public void Audience_matches_segment_and_tier_case_insensitively()
    {
        var definition = Definition(Email()) with { Audience = new AudienceFilter { Segments = ["at-risk"], ValueTiers = ["High"] } };
        var rig = new DeciderRig(definition, Customer() with { Segment = "AT-RISK", ValueTier = "high" });

        Assert.IsType<SendEmail>(Assert.Single(rig.Apply(new Start(), Monday)));
    }

    [Fact]
    public void Audience_requiring_sms_consent_turns_away_a_customer_without_it()
    {
        var definition = Definition(Sms()) with { Audience = new AudienceFilter { RequiredConsent = [MessageChannel.Sms] } };
        var rig = new DeciderRig(definition, Customer(sms: false));

        Assert.Equal([new Complete(CompletionReason.NotEligible)], rig.Apply(new Start(), Monday));
    }

    [Fact]
    public void Do_not_contact_customer_is_not_eligible()
    {
        var rig = new DeciderRig(Definition(Email()), Customer() with { DoNotContact = true });

        Assert.Equal([new Complete(CompletionReason.NotEligible)], rig.Apply(new Start(), Monday));
    }

    [Fact]
    public void Disabled_campaign_completes_at_start_without_sending()
    {
        var rig = new DeciderRig(Definition(Email()) with { Enabled = false });

        Assert.Equal([new Complete(CompletionReason.CampaignDisabled)], rig.Apply(new Start(), Monday));
    }

    [Fact]
    public void A_second_start_of_a_running_instance_does_nothing()
    {
        var rig = new DeciderRig(Definition(Email()));
        rig.Apply(new Start(), Monday);
        var before = rig.State;

        var actions = rig.Apply(new Start(), Monday.AddMinutes(5));

        Assert.Empty(actions);
        Assert.Same(before, rig.State);
    }

    [Fact]
    public void Decide_rejects_a_state_of_another_campaign_or_customer()
    {
        var decider = Decider();
        var definition = Definition(Email());

        Assert.Throws<ArgumentException>(() => decider.Decide(definition, CampaignInstanceState.New(CustomerId, "other"), new Start(), Monday, Customer()));
        Assert.Throws<ArgumentException>(() => decider.Decide(definition, CampaignInstanceState.New("c2", CampaignId), new Start(), Monday, Customer()));
    }
}
