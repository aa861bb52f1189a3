using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;

namespace ChurnFunctions.Core.Tests.Engagement;

public sealed class EmailActivityHandlerTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2024-06-01T10:00:00Z");

    [Fact]
    public async Task A_bounce_suppresses_the_address_withdraws_email_consent_and_reaches_campaigns()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", email: "ann@example.com", consents: new ConsentRecord(MessageChannel.Email, true, "shopify", At.AddDays(-10)));

        var result = await rig.Email.HandleAsync([Activity("e1", "sendgrid:bounce", EmailEventKind.BouncedHard, "Ann@Example.com", suppresses: true, sendId: "s-1")], default);

        Assert.Equal(new EngagementResult(1, 0), result);
        Assert.True(await rig.Suppressions.IsSuppressedAsync(MessageChannel.Email, "ann@example.com", default));
        Assert.Equal(new ConsentRecord(MessageChannel.Email, false, "sendgrid:bounce", At), await rig.ConsentAsync("c1", MessageChannel.Email));
        Assert.Contains(rig.Events.Raised, r => r.CustomerId == "c1" && r.Input is ConsentChanged { Consent.Granted: false });
        Assert.Contains(rig.Events.Raised, r => r.Input == new EmailEvent(EmailEventKind.BouncedHard, At, "s-1"));
    }

    [Fact]
    public async Task The_same_event_id_twice_is_processed_once()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", email: "ann@example.com");
        var open = Activity("e-open", "sendgrid:open", EmailEventKind.Opened, "ann@example.com");

        await rig.Email.HandleAsync([open], default);
        var again = await rig.Email.HandleAsync([open, open], default);

        Assert.Equal(new EngagementResult(2, 2), again);
        Assert.Single(rig.Events.Raised);
    }

    [Fact]
    public async Task A_suppression_for_an_unknown_address_still_goes_on_the_global_list()
    {
        var rig = new EngagementRig();

        await rig.Email.HandleAsync([Activity("e1", "sendgrid:spamreport", EmailEventKind.SpamReport, "stranger@example.com", suppresses: true)], default);

        Assert.True(await rig.Suppressions.IsSuppressedAsync(MessageChannel.Email, "stranger@example.com", default));
        Assert.Empty(rig.Events.Raised);
    }

    [Fact]
    public async Task A_failed_event_releases_its_claim_so_the_retry_processes_it()
    {
        var rig = new EngagementRig();
        await rig.AddCustomerAsync("c1", email: "ann@example.com");
        rig.Events.Fail = _ => new InvalidOperationException("runner down");
        var click = Activity("e-click", "sendgrid:click", EmailEventKind.Clicked, "ann@example.com");

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Email.HandleAsync([click], default));
        rig.Events.Fail = _ => null;
        var retry = await rig.Email.HandleAsync([click], default);

        Assert.Equal(0, retry.Duplicates);
        Assert.Single(rig.Events.Raised);
    }

    [Fact]
    public async Task Non_suppressing_events_do_not_touch_consent()
    {
        var rig = new EngagementRig();
        var granted = new ConsentRecord(MessageChannel.Email, true, "shopify", At.AddDays(-1));
        await rig.AddCustomerAsync("c1", email: "ann@example.com", consents: granted);

        await rig.Email.HandleAsync([Activity("e1", "sendgrid:delivered", EmailEventKind.Delivered, "ann@example.com")], default);

        Assert.Equal(granted, await rig.ConsentAsync("c1", MessageChannel.Email));
        Assert.False(await rig.Suppressions.IsSuppressedAsync(MessageChannel.Email, "ann@example.com", default));
    }

    private static EmailActivity Activity(string id, string source, EmailEventKind? kind, string email, bool suppresses = false, string? sendId = null) =>
        new(id, source, kind, email, At, sendId, suppresses);
}
