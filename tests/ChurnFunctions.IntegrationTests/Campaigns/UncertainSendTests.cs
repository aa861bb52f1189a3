using System.Net;
using System.Text;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.Campaigns;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>
/// A campaign email whose SendGrid answer is lost, through `churn serve` on Azurite: the fake SendGrid accepts the
/// message and drops the connection (or drops it before accepting). The send is reconciled through the signed Event
/// Webhook's send_id before anything is sent again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UncertainSendTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset ConsentAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly InMemoryCampaignDefinitions definitions = new();
    private readonly SendGridWebhookSigner signer = new();
    private FakeSendGridServer sendGrid = null!;
    private FakeTwilioServer twilio = null!;

    public async Task InitializeAsync()
    {
        sendGrid = await FakeSendGridServer.StartAsync();
        twilio = await FakeTwilioServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await sendGrid.DisposeAsync();
        await twilio.DisposeAsync();
        signer.Dispose();
    }

    [Fact]
    public async Task Accepted_then_dropped_email_is_sent_once_when_its_processed_event_arrives()
    {
        // The window is long enough for the event to come first on a loaded machine; the step then completes at its end.
        await using var host = await StartHostAsync(window: TimeSpan.FromSeconds(15), resend: true);
        sendGrid.FailNext(1, FakeSendGridFault.AcceptThenDrop);
        var (customerId, sendId) = await StartOneAsync(host);

        var accepted = await SelfHostRunner.EventuallyAsync(() => Task.FromResult(sendGrid.Accepted.Where(m => m.SendId == sendId).ToList()), m => m.Count == 1);
        var events = new FakeSendGridEvents().Add("processed", accepted[0], DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(host, events)).StatusCode);

        var state = await SentAsync(host, customerId);
        Assert.Equal(1, sendGrid.CountBySendId(sendId));
        Assert.Equal(1, sendGrid.RequestCount);
        Assert.Contains(state.Log, l => l.StepId == "email1" && l.Outcome == StepOutcome.Sent);
    }

    [Fact]
    public async Task Dropped_request_with_no_event_is_sent_again_after_the_reconciliation_window()
    {
        await using var host = await StartHostAsync(window: TimeSpan.FromSeconds(2), resend: true);
        sendGrid.FailNext(1, FakeSendGridFault.DropConnection);
        var (customerId, sendId) = await StartOneAsync(host);

        await SentAsync(host, customerId);

        Assert.Equal(1, sendGrid.CountBySendId(sendId));
        Assert.Equal(2, sendGrid.RequestCount);
    }

    [Fact]
    public async Task With_resending_off_an_uncertain_email_is_counted_as_sent_and_not_sent_again()
    {
        await using var host = await StartHostAsync(window: TimeSpan.FromSeconds(2), resend: false);
        sendGrid.FailNext(1, FakeSendGridFault.AcceptThenDrop);
        var (customerId, sendId) = await StartOneAsync(host);

        var state = await SentAsync(host, customerId);

        Assert.Equal(1, sendGrid.CountBySendId(sendId));
        Assert.Equal(1, sendGrid.RequestCount);
        Assert.Contains(state.Log, l => l.StepId == "email1" && l.Outcome == StepOutcome.Sent && l.Detail == null);
    }

    private async Task<(string CustomerId, string SendId)> StartOneAsync(SelfHostRunner host)
    {
        var customer = new CustomerRecord
        {
            Id = $"unc{run}",
            Email = $"unc{run}@example.com",
            FirstName = "Ada",
            Consents = [new ConsentRecord(MessageChannel.Email, true, "test", ConsentAt)],
        };
        await host.Services.GetRequiredService<ICustomerStore>().SaveAsync(customer, null, CancellationToken.None);
        var campaignId = "unc-" + run;
        await definitions.SaveAsync(new CampaignDefinition
        {
            Id = campaignId,
            Name = "Uncertain",
            Trigger = new SegmentEnteredTrigger("at-risk"),
            HoldoutPercent = 0,
            AttributionWindow = TimeSpan.FromSeconds(1),
            Steps = [new SendEmailStep { Id = "email1", TemplateId = "d-unc" }],
        }, CancellationToken.None);
        Assert.True(await host.Services.GetRequiredService<ICampaignStarter>().StartAsync(campaignId, customer.Id, CancellationToken.None));
        return (customer.Id, CampaignInstanceId.ForStep(CampaignInstanceId.For(customer.Id, campaignId), "email1"));
    }

    /// <summary>Waits until the instance has moved past its email (the decider saw the send as done).</summary>
    private async Task<CampaignInstanceState> SentAsync(SelfHostRunner host, string customerId)
    {
        var store = host.Services.GetRequiredService<ICampaignInstanceStore>();
        var id = CampaignInstanceId.For(customerId, "unc-" + run);
        var stored = await SelfHostRunner.EventuallyAsync(
            () => store.GetAsync(id, CancellationToken.None),
            s => s?.Value.State.Log.Any(l => l.StepId == "email1") == true,
            TimeSpan.FromSeconds(60));
        return stored!.Value.State;
    }

    private async Task<HttpResponseMessage> PostEventsAsync(SelfHostRunner host, FakeSendGridEvents events)
    {
        var bytes = events.ToUtf8Bytes();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/sendgrid")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
        };
        foreach (var (name, value) in signer.Headers(DateTimeOffset.UtcNow, bytes))
        {
            request.Headers.Add(name, value);
        }

        return await host.Client.SendAsync(request);
    }

    private async Task<SelfHostRunner> StartHostAsync(TimeSpan window, bool resend)
    {
        var settings = FakeProviderSettings.For(sendGrid, twilio, FakeProviderSettings.UnhurriedAttemptTimeout);
        settings["SendGrid:EventWebhookPublicKey"] = signer.PublicKeyBase64;
        settings["Campaigns:DefaultTimeZone"] = "UTC";
        settings["Campaigns:QuietHoursStart"] = "00:00";
        settings["Campaigns:QuietHoursEnd"] = "00:00";
        settings["Campaigns:Runtime:SendLease"] = "00:01:00"; // longer than the slowest call; no takeover is tested here
        settings["Campaigns:Runtime:DefinitionCacheTime"] = "00:00:00";
        settings["Campaigns:Runtime:UncertainSendWindow"] = window.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        settings["Campaigns:Runtime:ResendUncertainSends"] = resend ? "true" : "false";
        return await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            services: services =>
            {
                services.RemoveAll<ICampaignDefinitionStore>();
                services.AddSingleton<ICampaignDefinitionStore>(definitions);
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            },
            settings: settings);
    }
}
