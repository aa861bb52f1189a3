using ChurnFunctions.Core.Campaigns;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignDeciderTimingTests
{
    [Fact]
    public void Send_due_at_22_30_local_waits_until_08_00_the_next_morning()
    {
        var rig = new DeciderRig(Definition(Email()));

        // 22:30 in Berlin (CEST, UTC+2).
        var actions = rig.Apply(new Start(), At("2024-06-03T20:30:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-06-04T06:00:00Z"))], actions);
        Assert.Equal("email1", rig.State.CurrentStepId);
        Assert.IsType<SendEmail>(rig.Apply(new WakeUp(), At("2024-06-04T06:00:00Z")).Single());
    }

    [Fact]
    public void Send_due_at_06_00_local_waits_until_08_00_the_same_morning()
    {
        var rig = new DeciderRig(Definition(Email()));

        var actions = rig.Apply(new Start(), At("2024-06-04T04:00:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-06-04T06:00:00Z"))], actions);
    }

    [Fact]
    public void An_early_wake_up_during_quiet_hours_re_arms_the_same_timer()
    {
        var rig = new DeciderRig(Definition(Email()));
        rig.Apply(new Start(), At("2024-06-03T20:30:00Z"));

        var actions = rig.Apply(new WakeUp(), At("2024-06-04T01:00:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-06-04T06:00:00Z"))], actions);
    }

    [Fact]
    public void A_time_zone_change_mid_campaign_defers_again_to_08_00_in_the_new_zone()
    {
        var rig = new DeciderRig(Definition(Email()));
        rig.Apply(new Start(), At("2024-06-03T20:30:00Z"));
        rig.Customer = rig.Customer with { TimeZone = NewYork };

        // 08:00 in Berlin is 02:00 in New York: still night there.
        var actions = rig.Apply(new WakeUp(), At("2024-06-04T06:00:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-06-04T12:00:00Z"))], actions);
        Assert.IsType<SendEmail>(rig.Apply(new WakeUp(), At("2024-06-04T12:00:00Z")).Single());
    }

    [Fact]
    public void Spring_forward_night_ends_quiet_hours_at_08_00_summer_time()
    {
        var rig = new DeciderRig(Definition(Email()));

        // 22:30 CET on 30 March 2024; clocks go 02:00 -> 03:00 that night, so 08:00 is CEST (UTC+2).
        var actions = rig.Apply(new Start(), At("2024-03-30T21:30:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-03-31T06:00:00Z"))], actions);
    }

    [Fact]
    public void Fall_back_night_ends_quiet_hours_at_08_00_winter_time()
    {
        var rig = new DeciderRig(Definition(Email()));

        // 22:30 CEST on 26 October 2024; clocks go 03:00 -> 02:00 that night, so 08:00 is CET (UTC+1).
        var actions = rig.Apply(new Start(), At("2024-10-26T20:30:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-10-27T07:00:00Z"))], actions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Mars/Olympus_Mons")]
    public void Missing_or_unknown_time_zone_uses_the_default_zone(string? timeZone)
    {
        var rig = new DeciderRig(Definition(Email()), Customer(timeZone: timeZone), new CampaignOptions { DefaultTimeZone = NewYork });

        // 23:00 in New York.
        var actions = rig.Apply(new Start(), At("2024-06-04T03:00:00Z"));

        Assert.Equal([new ScheduleWakeUp(At("2024-06-04T12:00:00Z"))], actions);
    }

    [Fact]
    public void Quiet_hours_come_from_options()
    {
        var options = new CampaignOptions { DefaultTimeZone = Berlin, QuietHoursStart = new TimeOnly(12, 0), QuietHoursEnd = new TimeOnly(13, 30) };
        var rig = new DeciderRig(Definition(Email()), options: options);

        Assert.Equal([new ScheduleWakeUp(At("2024-06-03T11:30:00Z"))], rig.Apply(new Start(), Monday));
    }

    [Fact]
    public void Email_frequency_cap_defers_the_send_until_three_days_after_the_last_email_and_does_not_drop_it()
    {
        var rig = new DeciderRig(Definition(Email()), Customer() with { LastEmailSentAt = Monday.AddDays(-1) });

        var actions = rig.Apply(new Start(), Monday);
        var early = rig.Apply(new WakeUp(), Monday.AddDays(1));
        var due = rig.Apply(new WakeUp(), Monday.AddDays(2));

        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(2))], actions);
        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(2))], early);
        Assert.IsType<SendEmail>(due.Single());
    }

    [Fact]
    public void A_capped_send_that_would_land_in_quiet_hours_waits_for_the_morning_after()
    {
        // Last email at 21:30 Berlin on Sunday: three days later is 21:30 Wednesday, inside quiet hours.
        var rig = new DeciderRig(Definition(Email()), Customer() with { LastEmailSentAt = At("2024-06-02T19:30:00Z") });

        var actions = rig.Apply(new Start(), Monday);

        Assert.Equal([new ScheduleWakeUp(At("2024-06-06T06:00:00Z"))], actions);
    }

    [Fact]
    public void Two_emails_in_a_row_are_spaced_by_the_cap_counting_the_instances_own_send()
    {
        var rig = new DeciderRig(Definition(Email("email1"), Email("email2")));
        var send = rig.Apply(new Start(), Monday).Single();

        var actions = rig.Apply(Sent(send), Monday);

        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(3))], actions);
        Assert.Equal("email2", rig.State.CurrentStepId);
    }

    [Fact]
    public void Sms_frequency_cap_is_seven_days_and_independent_of_email()
    {
        var customer = Customer() with { LastSmsSentAt = Monday.AddDays(-2), LastEmailSentAt = Monday.AddDays(-10) };
        var rig = new DeciderRig(Definition(Sms("sms1")), customer);

        Assert.Equal([new ScheduleWakeUp(Monday.AddDays(5))], rig.Apply(new Start(), Monday));
    }
}
