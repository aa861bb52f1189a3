using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;

namespace ChurnFunctions.Core.Tests.Engagement;

public sealed class SmsActivityHandlerTests
{
    private const string Phone = "+15551234567";

    [Fact]
    public async Task Stop_withdraws_sms_consent_suppresses_the_number_and_reaches_campaigns_as_an_opt_out()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", phone: Phone, consents: new ConsentRecord(MessageChannel.Sms, true, "shopify", rig.Clock.Now.AddDays(-3)));

        Assert.True(await rig.Sms.HandleInboundAsync(new SmsInbound("SM1", Phone, "STOP", SmsKeyword.OptOut), default));

        Assert.Equal(new ConsentRecord(MessageChannel.Sms, false, "twilio:inbound", rig.Clock.Now), await rig.ConsentAsync("c1", MessageChannel.Sms));
        Assert.True(await rig.Suppressions.IsSuppressedAsync(MessageChannel.Sms, Phone, default));
        Assert.Contains(rig.Events.Raised, r => r.Input is SmsReplied { IsOptOut: true });
    }

    [Fact]
    public async Task Stop_from_an_italian_landline_reaches_the_customer_stored_under_the_old_rules_key()
    {
        // Twilio sends E.164 (+390612345678); the customer was stored when the 0 was dropped (+39612345678).
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", phone: "+39612345678", consents: new ConsentRecord(MessageChannel.Sms, true, "pos", rig.Clock.Now.AddDays(-3)));

        Assert.True(await rig.Sms.HandleInboundAsync(new SmsInbound("SM1", "+390612345678", "STOP", SmsKeyword.OptOut), default));

        Assert.False((await rig.ConsentAsync("c1", MessageChannel.Sms))!.Granted);
    }

    [Fact]
    public async Task Start_after_stop_grants_consent_again_and_lifts_the_suppression()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", phone: Phone);
        await rig.Sms.HandleInboundAsync(new SmsInbound("SM1", Phone, "stop", SmsKeyword.OptOut), default);
        rig.Clock.Now = rig.Clock.Now.AddHours(1);

        await rig.Sms.HandleInboundAsync(new SmsInbound("SM2", Phone, "UNSTOP", SmsKeyword.OptIn), default);

        Assert.True((await rig.ConsentAsync("c1", MessageChannel.Sms))!.Granted);
        Assert.False(await rig.Suppressions.IsSuppressedAsync(MessageChannel.Sms, Phone, default));
    }

    [Fact]
    public async Task A_stop_is_not_undone_by_an_older_platform_grant()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", phone: Phone);
        await rig.Sms.HandleInboundAsync(new SmsInbound("SM1", Phone, "STOP", SmsKeyword.OptOut), default);
        var record = (await rig.Store.GetAsync("c1", default))!.Value;

        // An order placed before the STOP arrives later, saying accepts_marketing = true as of its own time.
        var olderGrant = new ConsentRecord(MessageChannel.Sms, true, "shopify", rig.Clock.Now.AddMinutes(-30));
        var merged = CustomerAggregator.Apply(record, new CustomerIdentity("shopify:1", null, Phone, Consents: [olderGrant]));

        var sms = Assert.Single(merged.Consents, c => c.Channel == MessageChannel.Sms);
        Assert.False(sms.Granted);
        Assert.Equal("twilio:inbound", sms.Source);
    }

    [Fact]
    public async Task An_ordinary_reply_reaches_campaigns_without_changing_consent()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", phone: Phone);

        await rig.Sms.HandleInboundAsync(new SmsInbound("SM1", Phone, "thanks!", SmsKeyword.None), default);

        Assert.Null(await rig.ConsentAsync("c1", MessageChannel.Sms));
        var raised = Assert.Single(rig.Events.Raised);
        Assert.Equal(new SmsReplied("thanks!", rig.Clock.Now, false), raised.Input);
    }

    [Fact]
    public async Task A_redelivered_inbound_message_is_handled_once()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", phone: Phone);

        Assert.True(await rig.Sms.HandleInboundAsync(new SmsInbound("SM1", Phone, "hi", SmsKeyword.None), default));
        Assert.False(await rig.Sms.HandleInboundAsync(new SmsInbound("SM1", Phone, "hi", SmsKeyword.None), default));

        Assert.Single(rig.Events.Raised);
    }

    [Fact]
    public async Task Status_21610_records_an_sms_opt_out_and_a_late_non_final_status_keeps_the_final_one()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", phone: Phone);

        await rig.Sms.HandleStatusAsync(new SmsStatusUpdate("SM9", "send-1", "failed", true, "21610", Phone), default);
        await rig.Sms.HandleStatusAsync(new SmsStatusUpdate("SM9", "send-1", "sent", false, null, Phone), default);

        Assert.Equal("failed", (await rig.Deliveries.GetAsync("send-1", default))!.Status);
        Assert.Equal(new ConsentRecord(MessageChannel.Sms, false, "twilio:21610", rig.Clock.Now), await rig.ConsentAsync("c1", MessageChannel.Sms));
        Assert.True(await rig.Suppressions.IsSuppressedAsync(MessageChannel.Sms, Phone, default));
    }
}
