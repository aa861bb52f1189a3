using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignDeciderExitTests
{
    [Fact]
    public void Hard_bounce_ends_messaging_and_the_instance_completes_at_the_conversion_deadline()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3), Sms("sms1")));
        rig.StartAndSend(Monday);

        var actions = rig.Apply(new EmailEvent(EmailEventKind.BouncedHard, Monday.AddMinutes(1)), Monday.AddMinutes(1));

        var deadline = Monday.AddDays(3 + 14);
        Assert.Equal([new ScheduleWakeUp(deadline)], actions);
        Assert.Equal(CampaignPhase.Tracking, rig.State.Phase);
        Assert.Equal([MessageChannel.Email], rig.State.UnreachableChannels);
        Assert.Equal([new Complete(CompletionReason.HardBounce)], rig.Apply(new WakeUp(), deadline));
    }

    [Fact]
    public void Hard_bounce_without_the_exit_closes_email_but_the_sms_still_goes()
    {
        var definition = Definition(Email("email1"), Wait("w1", 3), Email("email2"), Sms("sms1")) with { Exit = new ExitConditions { OnHardBounce = false } };
        var rig = new DeciderRig(definition);
        rig.StartAndSend(Monday);

        Assert.Empty(rig.Apply(new EmailEvent(EmailEventKind.BouncedHard, Monday.AddMinutes(1)), Monday.AddMinutes(1)));
        var actions = rig.Apply(new WakeUp(), Monday.AddDays(3));

        Assert.Equal(new RecordSkip("email2", "email unreachable"), actions[0]);
        Assert.IsType<SendSms>(actions[1]);
    }

    [Fact]
    public void Spam_report_ends_messaging_with_complaint()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3), Email("email2")));
        rig.StartAndSend(Monday);

        rig.Apply(new EmailEvent(EmailEventKind.SpamReport, Monday.AddHours(1)), Monday.AddHours(1));

        Assert.Equal(CompletionReason.Complaint, rig.State.ExitReason);
        Assert.Contains(MessageChannel.Email, rig.State.OptedOutChannels);
    }

    [Fact]
    public void Unsubscribe_ends_messaging_with_opt_out()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3), Email("email2")));
        rig.StartAndSend(Monday);

        rig.Apply(new EmailEvent(EmailEventKind.Unsubscribed, Monday.AddHours(1)), Monday.AddHours(1));

        Assert.Equal(CompletionReason.OptOut, rig.State.ExitReason);
        Assert.Equal(CampaignPhase.Tracking, rig.State.Phase);
    }

    [Fact]
    public void Delivered_and_opened_events_change_nothing()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3)));
        rig.StartAndSend(Monday);
        var before = rig.State;

        Assert.Empty(rig.Apply(new EmailEvent(EmailEventKind.Delivered, Monday), Monday));
        Assert.Empty(rig.Apply(new EmailEvent(EmailEventKind.Opened, Monday), Monday));
        Assert.Same(before, rig.State);
    }

    [Fact]
    public void After_the_last_step_a_purchase_within_the_attribution_window_completes_with_purchase()
    {
        var rig = new DeciderRig(Definition(Email("email1")));
        var actions = rig.StartAndSend(Monday);

        var converted = rig.Apply(new PurchaseObserved(Monday.AddDays(10), 30m), Monday.AddDays(10));

        Assert.Equal(new ScheduleWakeUp(Monday.AddDays(14)), actions[^1]);
        Assert.Equal([new Complete(CompletionReason.Purchase)], converted);
        Assert.Equal(CompletionReason.StepsFinished, rig.State.ExitReason);
        Assert.Equal(new Conversion(Monday.AddDays(10), 30m), rig.State.Conversion);
    }

    [Fact]
    public void Without_a_purchase_the_instance_completes_steps_finished_at_the_deadline()
    {
        var rig = new DeciderRig(Definition(Email("email1")));
        rig.StartAndSend(Monday);

        Assert.Equal([new Complete(CompletionReason.StepsFinished)], rig.Apply(new WakeUp(), Monday.AddDays(14)));
    }

    [Fact]
    public void Inputs_for_a_completed_instance_are_ignored()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3)));
        var send = rig.Apply(new Start(), Monday).Single();
        rig.Apply(new PurchaseObserved(Monday.AddHours(1), 5m), Monday.AddHours(1));
        var completed = rig.State;

        CampaignInput[] late =
        [
            new Start(), new WakeUp(), Sent(send), new PurchaseObserved(Monday.AddHours(2), 9m),
            new EmailEvent(EmailEventKind.Clicked, Monday.AddHours(2)), new SmsReplied("STOP", Monday.AddHours(2)),
            new ConsentChanged(new ConsentRecord(MessageChannel.Email, false, "x", Monday)),
        ];
        foreach (var input in late)
        {
            Assert.Empty(rig.Apply(input, Monday.AddHours(3)));
            Assert.Same(completed, rig.State);
        }
    }

    [Fact]
    public void A_send_result_arriving_after_the_exit_is_ignored()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3)));
        var send = rig.Apply(new Start(), Monday).Single();
        rig.Apply(new EmailEvent(EmailEventKind.Unsubscribed, Monday), Monday);
        var before = rig.State;

        Assert.Empty(rig.Apply(Sent(send), Monday.AddMinutes(1)));
        Assert.Same(before, rig.State);
    }

    [Fact]
    public void Disabling_a_running_campaign_completes_its_instances()
    {
        var rig = new DeciderRig(Definition(Wait("w1", 3), Email()));
        rig.Apply(new Start(), Monday);
        var disabled = new DeciderRig(rig.Definition with { Enabled = false });

        var decision = Decider().Decide(disabled.Definition, rig.State, new WakeUp(), Monday.AddDays(3), rig.Customer);

        Assert.Equal([new Complete(CompletionReason.CampaignDisabled)], decision.Actions);
    }

    [Fact]
    public void A_current_step_removed_from_the_definition_completes_with_definition_changed()
    {
        var rig = new DeciderRig(Definition(Wait("w1", 3), Email()));
        rig.Apply(new Start(), Monday);
        var changed = rig.Definition with { Steps = [Wait("w2", 3), Email()] };

        var decision = Decider().Decide(changed, rig.State, new WakeUp(), Monday.AddDays(3), rig.Customer);

        Assert.Equal([new Complete(CompletionReason.DefinitionChanged)], decision.Actions);
    }

    [Fact]
    public void A_purchase_after_the_conversion_deadline_is_no_conversion()
    {
        var rig = new DeciderRig(Definition(Email("email1")), Customer() with { LastEmailSentAt = Monday.AddDays(-1) });
        rig.Apply(new Start(), Monday);

        var actions = rig.Apply(new PurchaseObserved(Monday.AddDays(15), 10m), Monday.AddDays(15));

        Assert.Equal([new Complete(CompletionReason.Purchase)], actions);
        Assert.Null(rig.State.Conversion);
    }

    [Fact]
    public void A_send_result_with_the_wrong_step_is_ignored()
    {
        var rig = new DeciderRig(Definition(Email("email1")));
        var send = Assert.IsType<SendEmail>(rig.Apply(new Start(), Monday).Single());

        Assert.Empty(rig.Apply(new SendCompleted("email2", send.SendId, SendResult.Sent("x")), Monday));
    }
}
