using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignDeciderSendTests
{
    [Fact]
    public void Email_step_without_email_consent_is_skipped_with_a_reason_and_the_sms_still_goes()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Sms("sms1")), Customer(email: false));

        var actions = rig.Apply(new Start(), Monday);

        Assert.Equal(new RecordSkip("email1", "no email consent"), actions[0]);
        Assert.Equal("sms1", Assert.IsType<SendSms>(actions[1]).StepId);
        Assert.Equal(StepOutcome.Skipped, rig.State.Log.Single().Outcome);
    }

    [Fact]
    public void A_refusal_newer_than_a_grant_wins()
    {
        var customer = Customer() with
        {
            Consents =
            [
                new ConsentRecord(MessageChannel.Email, true, "shopify", At("2024-01-01T00:00:00Z")),
                new ConsentRecord(MessageChannel.Email, false, "pos", At("2024-05-01T00:00:00Z")),
            ],
        };
        var rig = new DeciderRig(Definition(Email()), customer);

        var actions = rig.Apply(new Start(), Monday);

        Assert.Equal(new RecordSkip("email1", "no email consent"), actions[0]);
    }

    [Fact]
    public void With_no_channel_left_the_campaign_runs_its_other_steps_and_then_tracks()
    {
        var task = new CreateStaffTaskStep { Id = "call", Text = "Call {{firstName}} {{lastName}}" };
        var rig = new DeciderRig(Definition(Email("email1"), Sms("sms1"), task), Customer(email: false, sms: false));

        var actions = rig.Apply(new Start(), Monday);

        Assert.Equal(
            [
                new RecordSkip("email1", "no email consent"),
                new RecordSkip("sms1", "no sms consent"),
                new CreateStaffTask("call", rig.State.InstanceId + ":call", "Call Ada Lovelace"),
                new ScheduleWakeUp(Monday.AddDays(14)),
            ],
            actions);
        Assert.Equal(CampaignPhase.Tracking, rig.State.Phase);
        Assert.Equal(CompletionReason.StepsFinished, rig.State.ExitReason);
    }

    [Fact]
    public void Suppressed_channel_and_missing_phone_are_skipped_with_their_reasons()
    {
        var customer = Customer() with { SuppressedChannels = [MessageChannel.Email], Phone = null };
        var rig = new DeciderRig(Definition(Email("email1"), Sms("sms1")), customer);

        var actions = rig.Apply(new Start(), Monday);

        Assert.Equal(new RecordSkip("email1", "email suppressed"), actions[0]);
        Assert.Equal(new RecordSkip("sms1", "no phone number"), actions[1]);
    }

    [Fact]
    public void Do_not_contact_set_mid_campaign_skips_the_staff_task()
    {
        var rig = new DeciderRig(Definition(Wait("w1", 1), new CreateStaffTaskStep { Id = "call", Text = "Call" }));
        rig.Apply(new Start(), Monday);
        rig.Customer = rig.Customer with { DoNotContact = true };

        var actions = rig.Apply(new WakeUp(), Monday.AddDays(1));

        Assert.Equal(new RecordSkip("call", "customer is do-not-contact"), actions[0]);
    }

    [Fact]
    public void Send_completed_moves_the_pointer_and_records_the_provider_id()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 2)));
        var send = rig.Apply(new Start(), Monday).Single();

        var actions = rig.Apply(Sent(send, "sg-123"), Monday.AddSeconds(2));

        Assert.Equal([new ScheduleWakeUp(Monday.AddSeconds(2).AddDays(2))], actions);
        Assert.Equal("w1", rig.State.CurrentStepId);
        Assert.Null(rig.State.PendingSend);
        Assert.Equal(new StepLogEntry("email1", StepOutcome.Sent, Monday.AddSeconds(2), "sg-123"), rig.State.Log.Single());
        Assert.Equal(Monday.AddSeconds(2), rig.State.LastEmailSentAt);
    }

    [Fact]
    public void Send_completed_for_another_send_id_is_ignored()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 2)));
        rig.Apply(new Start(), Monday);
        var before = rig.State;

        var actions = rig.Apply(new SendCompleted("email1", "someone-else:email1", SendResult.Sent("x")), Monday.AddSeconds(1));

        Assert.Empty(actions);
        Assert.Same(before, rig.State);
    }

    [Fact]
    public void Repeated_wake_up_while_a_send_is_pending_re_emits_the_identical_send()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 2)));
        var first = rig.Apply(new Start(), Monday);

        var again = rig.Apply(new WakeUp(), Monday.AddMinutes(10));
        var andAgain = rig.Apply(new WakeUp(), Monday.AddMinutes(20));

        Assert.Equal(CampaignJson.Write(first), CampaignJson.Write(again));
        Assert.Equal(CampaignJson.Write(first), CampaignJson.Write(andAgain));
        Assert.Equal("email1", rig.State.CurrentStepId);
    }

    [Fact]
    public void The_same_input_to_the_same_state_gives_the_same_decision()
    {
        var rig = new DeciderRig(Definition(Coupon("c1"), Email("email1"), Wait("w1", 2)));
        rig.Apply(new Start(), Monday);
        var decider = Decider();

        var one = decider.Decide(rig.Definition, rig.State, new WakeUp(), Monday.AddHours(1), rig.Customer);
        var two = decider.Decide(rig.Definition, rig.State, new WakeUp(), Monday.AddHours(1), rig.Customer);

        Assert.Equal(CampaignJson.Write(one), CampaignJson.Write(two));
    }

    [Fact]
    public void A_re_emitted_send_keeps_its_first_payload_when_the_customer_data_changes()
    {
        var rig = new DeciderRig(Definition(Email("email1")));
        var first = Assert.IsType<SendEmail>(rig.Apply(new Start(), Monday).Single());
        rig.Customer = rig.Customer with { Email = "new@example.com", FirstName = "Augusta" };

        var again = Assert.IsType<SendEmail>(rig.Apply(new WakeUp(), Monday.AddHours(1)).Single());

        Assert.Equal(first.SendId, again.SendId);
        Assert.Equal("ada@example.com", again.Message.To);
        Assert.Equal("Hi Ada", again.Message.TemplateData!["greeting"]);
    }

    [Fact]
    public void A_pending_send_found_in_quiet_hours_on_recovery_waits_for_morning()
    {
        var rig = new DeciderRig(Definition(Email("email1")));
        rig.Apply(new Start(), Monday);

        // 21:30 in Berlin.
        var actions = rig.Apply(new WakeUp(), At("2024-06-03T19:30:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-06-04T06:00:00Z"))], actions);
        Assert.IsType<SendEmail>(rig.Apply(new WakeUp(), At("2024-06-04T06:00:00Z")).Single());
    }

    [Fact]
    public void Transient_failure_retries_the_same_send_later_and_skips_after_the_last_attempt()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Sms("sms1")));
        var send = Assert.IsType<SendEmail>(rig.Apply(new Start(), Monday).Single());
        var failed = new SendCompleted("email1", send.SendId, new SendResult(SendStatus.Transient, ErrorCode: "503"));

        Assert.Equal([new ScheduleWakeUp(Monday.AddMinutes(30))], rig.Apply(failed, Monday));
        Assert.Equal([new ScheduleWakeUp(Monday.AddMinutes(30))], rig.Apply(new WakeUp(), Monday.AddMinutes(10)));
        var retry = Assert.IsType<SendEmail>(rig.Apply(new WakeUp(), Monday.AddMinutes(30)).Single());
        Assert.Equal(send.SendId, retry.SendId);
        rig.Apply(failed, Monday.AddMinutes(31));
        rig.Apply(new WakeUp(), Monday.AddMinutes(61));
        var last = rig.Apply(failed, Monday.AddMinutes(62));

        Assert.Equal(new RecordSkip("email1", "email failed 3 times (503)"), last[0]);
        Assert.Equal("sms1", Assert.IsType<SendSms>(last[1]).StepId);
    }

    [Fact]
    public void Rejected_send_is_skipped_with_the_provider_code()
    {
        var rig = new DeciderRig(Definition(Email("email1")));
        var send = Assert.IsType<SendEmail>(rig.Apply(new Start(), Monday).Single());

        var actions = rig.Apply(new SendCompleted("email1", send.SendId, new SendResult(SendStatus.Rejected, ErrorCode: "400")), Monday);

        Assert.Equal(new RecordSkip("email1", "email rejected by the provider (400)"), actions[0]);
    }

    [Fact]
    public void Sms_opt_out_reply_mid_campaign_stops_sms_but_not_email_when_the_campaign_does_not_exit()
    {
        var definition = Definition(Sms("sms1"), Wait("w1", 7), Sms("sms2"), Email("email1")) with { Exit = new ExitConditions { OnOptOut = false } };
        var rig = new DeciderRig(definition);
        rig.StartAndSend(Monday);

        Assert.Empty(rig.Apply(new SmsReplied(" stop ", Monday.AddDays(1)), Monday.AddDays(1)));
        var actions = rig.Apply(new WakeUp(), Monday.AddDays(7));

        Assert.Equal(new RecordSkip("sms2", "opted out of sms"), actions[0]);
        Assert.IsType<SendEmail>(actions[1]);
        Assert.DoesNotContain(actions, a => a is SendSms);
        Assert.Equal([MessageChannel.Sms], rig.State.OptedOutChannels);
    }

    [Fact]
    public void Sms_opt_out_mid_campaign_ends_messaging_when_the_campaign_exits_on_opt_out()
    {
        var rig = new DeciderRig(Definition(Sms("sms1"), Wait("w1", 7), Sms("sms2")));
        rig.StartAndSend(Monday);

        var actions = rig.Apply(new SmsReplied("whatever", Monday.AddDays(1), OptOut: true), Monday.AddDays(1));
        var later = rig.Apply(new WakeUp(), Monday.AddDays(7));

        var deadline = Monday.AddDays(7 + 14);
        Assert.Equal([new ScheduleWakeUp(deadline)], actions);
        Assert.Equal([new ScheduleWakeUp(deadline)], later);
        Assert.Equal(CompletionReason.OptOut, rig.State.ExitReason);
        Assert.Equal([new Complete(CompletionReason.OptOut)], rig.Apply(new WakeUp(), deadline));
    }

    [Fact]
    public void Consent_withdrawn_while_a_send_is_deferred_skips_it_when_the_timer_fires()
    {
        var definition = Definition(Sms("sms1")) with { Exit = new ExitConditions { OnOptOut = false } };
        var rig = new DeciderRig(definition);
        rig.Apply(new Start(), At("2024-06-03T20:30:00Z"));
        rig.Customer = Customer(sms: false);

        var actions = rig.Apply(new WakeUp(), At("2024-06-04T06:00:00Z"));

        Assert.Equal(new RecordSkip("sms1", "no sms consent"), actions[0]);
    }

    [Fact]
    public void Consent_withdrawal_event_ends_messaging_by_default()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Wait("w1", 3), Email("email2")));
        rig.StartAndSend(Monday);

        var actions = rig.Apply(new ConsentChanged(new ConsentRecord(MessageChannel.Email, false, "shopify", Monday.AddDays(1))), Monday.AddDays(1));

        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(3 + 14))], actions);
        Assert.Equal(CompletionReason.OptOut, rig.State.ExitReason);
    }

    [Fact]
    public void Provider_opt_out_result_closes_the_channel_for_the_rest_of_the_instance()
    {
        var definition = Definition(Sms("sms1"), Email("email1"), Sms("sms2")) with { Exit = new ExitConditions { OnOptOut = false } };
        var rig = new DeciderRig(definition);
        var send = Assert.IsType<SendSms>(rig.Apply(new Start(), Monday).Single());

        var actions = rig.Apply(new SendCompleted("sms1", send.SendId, new SendResult(SendStatus.OptedOut, ErrorCode: "21610")), Monday);
        var afterEmail = rig.Apply(Sent(actions[^1]), Monday);

        Assert.Equal(new RecordSkip("sms1", "opted out of sms at the provider"), actions[0]);
        Assert.Equal(new RecordSkip("sms2", "opted out of sms"), afterEmail[0]);
    }

    [Fact]
    public void Invalid_email_recipient_counts_as_a_hard_bounce()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Sms("sms1")));
        var send = Assert.IsType<SendEmail>(rig.Apply(new Start(), Monday).Single());

        var actions = rig.Apply(new SendCompleted("email1", send.SendId, new SendResult(SendStatus.InvalidRecipient)), Monday);

        Assert.Equal([new RecordSkip("email1", "invalid email recipient"), new ScheduleWakeUp(Monday.AddDays(14))], actions);
        Assert.Equal(CompletionReason.HardBounce, rig.State.ExitReason);
    }

    [Fact]
    public void Coupon_is_issued_before_the_message_that_carries_its_code()
    {
        var coupon = Coupon("c1") with { ValidFor = TimeSpan.FromDays(14) };
        var rig = new DeciderRig(Definition(coupon, Sms("sms1", "Your code {{couponCode}}")));

        var actions = rig.Apply(new Start(), Monday);

        var issued = Assert.IsType<IssueCoupon>(actions[0]);
        Assert.Equal(CouponCodes.Create(rig.State.InstanceId, "c1", "WB-", 10), issued.Code);
        Assert.Equal(Monday.AddDays(14), issued.ExpiresAt);
        Assert.Equal("Your code " + issued.Code, Assert.IsType<SendSms>(actions[1]).Message.Body);
    }
}
