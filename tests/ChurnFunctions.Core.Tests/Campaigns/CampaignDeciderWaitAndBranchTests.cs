using ChurnFunctions.Core.Campaigns;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignDeciderWaitAndBranchTests
{
    private static BranchStep ClickBranch => new()
    {
        Id = "clicked",
        Condition = BranchCondition.EmailClick,
        Window = TimeSpan.FromDays(3),
        Then = [Coupon("c1"), Sms("sms-then", "Code {{couponCode}}")],
        Else = [Sms("sms-else", "Still there, {{firstName}}?")],
    };

    [Fact]
    public void Wait_schedules_a_wake_up_at_its_end()
    {
        var rig = new DeciderRig(Definition(Wait("w1", 3), Email()));

        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(3))], rig.Apply(new Start(), Monday));
        Assert.Equal("w1", rig.State.CurrentStepId);
    }

    [Fact]
    public void An_early_wake_up_during_a_wait_re_arms_the_timer_and_the_due_one_runs_the_next_step()
    {
        var rig = new DeciderRig(Definition(Wait("w1", 3), Email()));
        rig.Apply(new Start(), Monday);

        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(3))], rig.Apply(new WakeUp(), Monday.AddDays(1)));
        Assert.IsType<SendEmail>(rig.Apply(new WakeUp(), Monday.AddDays(3)).Single());
        Assert.Equal(StepOutcome.Waited, rig.State.Log.Single().Outcome);
    }

    [Fact]
    public void Purchase_during_a_wait_ends_it_and_completes_with_purchase()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 7), Email("email2")));
        rig.StartAndSend(Monday);

        var actions = rig.Apply(new PurchaseObserved(Monday.AddDays(2), 59.90m), Monday.AddDays(2).AddMinutes(1));

        Assert.Equal([new Complete(CompletionReason.Purchase)], actions);
        Assert.Equal(new Conversion(Monday.AddDays(2), 59.90m), rig.State.Conversion);
        Assert.Equal(CampaignPhase.Completed, rig.State.Phase);
        Assert.Empty(rig.Apply(new WakeUp(), Monday.AddDays(7)));
    }

    [Fact]
    public void Purchase_from_before_entry_is_ignored()
    {
        var rig = new DeciderRig(Definition(Wait("w1", 30), Email()));
        rig.Apply(new Start(), Monday);

        Assert.Empty(rig.Apply(new PurchaseObserved(Monday.AddDays(-1), 10m), Monday.AddMinutes(1)));
        Assert.Equal(CampaignPhase.Active, rig.State.Phase);
    }

    [Fact]
    public void With_purchase_exit_off_a_purchase_is_recorded_as_conversion_and_the_journey_goes_on()
    {
        var definition = Definition(Wait("w1", 30), Email()) with
        {
            Trigger = new DaysAfterPurchaseTrigger(30),
            Exit = new ExitConditions { OnPurchase = false },
        };
        var rig = new DeciderRig(definition);
        rig.Apply(new Start(), Monday);

        Assert.Empty(rig.Apply(new PurchaseObserved(Monday.AddDays(3), 20m), Monday.AddDays(3)));
        var actions = rig.Apply(new WakeUp(), Monday.AddDays(30));
        var finished = rig.Apply(Sent(actions.Single()), Monday.AddDays(30));

        Assert.IsType<SendEmail>(actions.Single());
        Assert.Equal([new Complete(CompletionReason.Purchase)], finished);
        Assert.Equal(new Conversion(Monday.AddDays(3), 20m), rig.State.Conversion);
        Assert.Equal(CompletionReason.StepsFinished, rig.State.ExitReason);
    }

    [Fact]
    public void Click_within_the_window_takes_the_then_branch_at_once()
    {
        var rig = new DeciderRig(Definition(Email("email1"), ClickBranch));
        var atStart = rig.StartAndSend(Monday);

        var actions = rig.Apply(new EmailEvent(EmailEventKind.Clicked, Monday.AddDays(1)), Monday.AddDays(1));

        Assert.Equal(new ScheduleWakeUp(Monday.AddDays(3)), atStart[^1]);
        var coupon = Assert.IsType<IssueCoupon>(actions[0]);
        Assert.Equal("Code " + coupon.Code, Assert.IsType<SendSms>(actions[1]).Message.Body);
        Assert.Equal(StepOutcome.BranchThen, rig.State.Log[^2].Outcome);
    }

    [Fact]
    public void No_click_until_the_window_closes_takes_the_else_branch()
    {
        var rig = new DeciderRig(Definition(Email("email1"), ClickBranch));
        rig.StartAndSend(Monday);

        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(3))], rig.Apply(new WakeUp(), Monday.AddDays(2)));
        var actions = rig.Apply(new WakeUp(), Monday.AddDays(3));

        var sms = Assert.IsType<SendSms>(actions.Single());
        Assert.Equal("sms-else", sms.StepId);
        Assert.Equal("Still there, Ada?", sms.Message.Body);
        Assert.Equal(StepOutcome.BranchElse, rig.State.Log[^1].Outcome);
    }

    [Fact]
    public void A_click_after_the_window_closed_changes_nothing()
    {
        var rig = new DeciderRig(Definition(Email("email1"), ClickBranch, Wait("w2", 5)));
        rig.StartAndSend(Monday);
        rig.CompleteSends(rig.Apply(new WakeUp(), Monday.AddDays(3)), Monday.AddDays(3));

        var actions = rig.Apply(new EmailEvent(EmailEventKind.Clicked, Monday.AddDays(4)), Monday.AddDays(4));

        Assert.Empty(actions);
        Assert.Equal("w2", rig.State.CurrentStepId);
    }

    [Fact]
    public void A_click_during_an_earlier_wait_counts_once_the_branch_is_reached()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 1), ClickBranch));
        rig.StartAndSend(Monday);
        rig.Apply(new EmailEvent(EmailEventKind.Clicked, Monday.AddHours(5)), Monday.AddHours(5));

        var actions = rig.Apply(new WakeUp(), Monday.AddDays(1));

        Assert.IsType<IssueCoupon>(actions[0]);
        Assert.Equal("sms-then", Assert.IsType<SendSms>(actions[1]).StepId);
    }

    [Fact]
    public void Sms_reply_within_the_window_takes_then_and_an_empty_then_continues_after_the_branch()
    {
        var branch = new BranchStep { Id = "replied", Condition = BranchCondition.SmsReply, Window = TimeSpan.FromDays(2), Else = [Email("email-else")] };
        var task = new CreateStaffTaskStep { Id = "call", Text = "Call back" };
        var rig = new DeciderRig(Definition(Sms("sms1"), branch, task));
        rig.StartAndSend(Monday);

        var actions = rig.Apply(new SmsReplied("yes please", Monday.AddHours(3)), Monday.AddHours(3));

        Assert.Equal(new CreateStaffTask("call", rig.State.InstanceId + ":call", "Call back"), actions[0]);
    }

    [Fact]
    public void Purchase_branch_takes_then_when_the_purchase_does_not_exit()
    {
        var branch = new BranchStep { Id = "bought", Condition = BranchCondition.Purchase, Window = TimeSpan.FromDays(7), Then = [Email("thanks")], Else = [Sms("nudge")] };
        var definition = Definition(branch) with { Exit = new ExitConditions { OnPurchase = false } };
        var rig = new DeciderRig(definition);
        rig.Apply(new Start(), Monday);

        var actions = rig.Apply(new PurchaseObserved(Monday.AddDays(1), 12m), Monday.AddDays(1));

        Assert.Equal("thanks", Assert.IsType<SendEmail>(actions.Single()).StepId);
    }
}
