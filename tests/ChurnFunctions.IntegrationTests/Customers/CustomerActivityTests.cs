using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.IntegrationTests.Campaigns;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Customers;

/// <summary>
/// GET /api/customers/{id}/messages, /feedback and /alerts through `churn serve` on Azurite: a campaign's email and SMS as the
/// outbox recorded them, and as the fake SendGrid and Twilio accepted them; a customer's exit-survey answers; the
/// feedback summary by month; the alerts that named a customer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomerActivityTests(AzuriteFixture azurite)
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Messages_lists_the_campaign_email_and_sms_the_outbox_recorded_with_what_they_said()
    {
        var scenario = new CampaignScenario(run, 6, DateTimeOffset.UtcNow);
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString);
        var (customer, bystander) = (Reachable(scenario, 4), Reachable(scenario, 5));
        await StartAsync(host, scenario, customer, bystander);

        var messages = await SentAsync(host, customer.Id, 2);

        Assert.Equal(["sms", "email"], messages.Select(m => m.Channel));
        Assert.All(messages, m => Assert.Equal((scenario.CampaignId, "Runtime test", "sent", "outbox"), (m.CampaignId, m.CampaignName, m.Status, m.Via)));
        var (sms, email) = (messages[0], messages[1]);
        Assert.Equal((CampaignInstanceId.ForStep(scenario.InstanceId(4), "email1"), "email1", customer.Email, "d-runtime"), (email.SendId, email.StepId, email.To, email.TemplateId));
        Assert.Equal((CampaignInstanceId.ForStep(scenario.InstanceId(4), "sms1"), customer.Phone, "We miss you, Ada"), (sms.SendId, sms.To, sms.Body));
        Assert.True(sms.At >= email.At);
        Assert.DoesNotContain(messages, m => m.SendId.Contains(scenario.InstanceId(5), StringComparison.Ordinal));
        Assert.Equal(2, (await SentAsync(host, bystander.Id, 2)).Count);
        Assert.Empty(await ReadAsync<List<CustomerMessage>>(host, $"/api/customers/nobody-{run}/messages"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync($"/api/customers/{customer.Id}/messages")).StatusCode);
    }

    [Fact]
    public async Task Messages_lists_what_sendgrid_and_twilio_accepted_by_their_ids_when_the_providers_are_configured()
    {
        await using var sendGrid = await FakeSendGridServer.StartAsync();
        await using var twilio = await FakeTwilioServer.StartAsync();
        var scenario = new CampaignScenario(run, 5, DateTimeOffset.UtcNow);
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString, settings: FakeProviderSettings.For(sendGrid, twilio, TimeSpan.FromSeconds(5)));
        var customer = Reachable(scenario, 4);
        await StartAsync(host, scenario, customer);

        var messages = await SentAsync(host, customer.Id, 2);

        var email = Assert.Single(messages, m => m.Channel == "email");
        var sms = Assert.Single(messages, m => m.Channel == "sms");
        Assert.Equal(sendGrid.Accepted.Single(m => m.SendId == email.SendId).MessageId, email.ProviderMessageId);
        Assert.Equal(twilio.Accepted.Single(m => m.SendId == sms.SendId).Sid, sms.ProviderMessageId);
        Assert.All(messages, m => Assert.Equal(("provider", "sent"), (m.Via, m.Status)));
        // The provider holds the message; nothing of it is kept here to show.
        Assert.All(messages, m => Assert.Null(m.To ?? m.Subject ?? m.Body));
        Assert.All(messages, m => Assert.NotNull(m.At));
    }

    [Fact]
    public async Task Feedback_lists_each_answer_of_the_customer_oldest_first_and_the_summary_splits_by_month()
    {
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString);
        var store = host.Services.GetRequiredService<IFeedbackStore>();
        var (customer, other) = ($"fb-{run}", $"fb-other-{run}");
        // Days of 2019, which no other test writes, so the summary counts these answers only.
        await store.SaveAsync(new FeedbackEntry(customer, ChurnReason.Price, "Too dear.", new(2019, 11, 20, 9, 0, 0, TimeSpan.Zero)), default);
        await store.SaveAsync(new FeedbackEntry(customer, ChurnReason.Service, null, new(2019, 12, 3, 9, 0, 0, TimeSpan.Zero)), default);
        await store.SaveAsync(new FeedbackEntry(customer, ChurnReason.Competitor, "Cheaper nearby.", new(2019, 12, 3, 18, 0, 0, TimeSpan.Zero)), default);
        await store.SaveAsync(new FeedbackEntry(other, ChurnReason.Price, null, new(2019, 12, 24, 9, 0, 0, TimeSpan.Zero)), default);

        var answers = await ReadAsync<List<CustomerFeedback>>(host, $"/api/customers/{customer}/feedback");
        var summary = await ReadAsync<FeedbackSummary>(host, "/api/feedback/summary?by=month&from=2019-11-15&to=2020-01-10");
        var plain = await ReadAsync<JsonElement>(host, "/api/feedback/summary?from=2019-11-15&to=2020-01-10");
        using var badGrouping = await host.Client.SendAsync(Payloads.Get("/api/feedback/summary?by=week"));

        // One answer per day: the evening's answer replaced the morning's.
        Assert.Equal([("price", "Too dear."), ("competitor", "Cheaper nearby.")], answers.Select(a => (a.Reason, a.Text)));
        Assert.Equal(["2019-11", "2019-12", "2020-01"], summary.Periods!.Select(p => p.Period));
        Assert.Equal([(new DateOnly(2019, 11, 15), new DateOnly(2019, 11, 30)), (new DateOnly(2019, 12, 1), new DateOnly(2019, 12, 31)), (new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 10))],
            summary.Periods!.Select(p => (p.From, p.To)));
        Assert.Equal([1, 2, 0], summary.Periods!.Select(p => p.Total));
        Assert.Equal(1, summary.Periods![1].Reasons.Single(r => r.Reason == "price").Count);
        Assert.Equal(1, summary.Periods![1].Reasons.Single(r => r.Reason == "competitor").Count);
        Assert.Equal(ChurnReasons.Names, summary.Periods![0].Reasons.Select(r => r.Reason));
        Assert.Equal(3, summary.Total);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("periods").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, badGrouping.StatusCode);
        Assert.True((await badGrouping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("by", out _));
        Assert.Empty(await ReadAsync<List<CustomerFeedback>>(host, $"/api/customers/nobody-{run}/feedback"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync($"/api/customers/{customer}/feedback")).StatusCode);
    }

    // The scenario's numbers repeat from run to run, and an SMS holds its number's frequency cap for 7 days in the
    // shared account: a number of this test's own keeps another test's send from deferring this one.
    private static CustomerRecord Reachable(CampaignScenario scenario, int i) =>
        scenario.Customers[i] with { Phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task Alerts_lists_the_alerts_that_named_the_customer_newest_first()
    {
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString);
        var store = host.Services.GetRequiredService<IAlertStore>();
        var (customer, other) = ($"al-{run}", $"al-other-{run}");
        Alert Slipping(string id, int day) =>
            new(new DateOnly(2019, 6, day), $"top-customer-slipping:{id}", "warning", $"{id} is slipping", "P(alive) 0.2", new(2019, 6, day, 3, 0, 0, TimeSpan.Zero), id, 120, 0.2);
        await store.TryAddAsync(Slipping(customer, 1), default);
        await store.TryAddAsync(Slipping(customer, 2), default);
        // Raised again by a second run of the same day: still one alert.
        Assert.False(await store.TryAddAsync(Slipping(customer, 2), default));
        await store.TryAddAsync(Slipping(other, 2), default);
        await store.TryAddAsync(new Alert(new DateOnly(2019, 6, 2), "churn-rate-above-threshold", "warning", "Churn 40%", "", new(2019, 6, 2, 3, 0, 0, TimeSpan.Zero)), default);

        var alerts = await ReadAsync<List<Alert>>(host, $"/api/customers/{customer}/alerts");

        Assert.Equal([new DateOnly(2019, 6, 2), new DateOnly(2019, 6, 1)], alerts.Select(a => a.Date));
        Assert.All(alerts, a => Assert.Equal((customer, "top-customer-slipping"), (a.CustomerId, a.Rule)));
        Assert.Empty(await ReadAsync<List<Alert>>(host, $"/api/customers/nobody-{run}/alerts"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync($"/api/customers/{customer}/alerts")).StatusCode);
    }

    private static async Task StartAsync(SelfHostRunner host, CampaignScenario scenario, params CustomerRecord[] customers)
    {
        await host.Services.GetRequiredService<ICampaignDefinitionStore>().SaveAsync(scenario.Definition, default);
        foreach (var customer in customers)
        {
            await host.Services.GetRequiredService<ICustomerStore>().SaveAsync(customer, null, default);
            Assert.True(await host.Services.GetRequiredService<ICampaignStarter>().StartAsync(scenario.CampaignId, customer.Id, default));
        }
    }

    private static Task<List<CustomerMessage>> SentAsync(SelfHostRunner host, string customerId, int count) =>
        SelfHostRunner.EventuallyAsync(
            () => ReadAsync<List<CustomerMessage>>(host, $"/api/customers/{Uri.EscapeDataString(customerId)}/messages"),
            m => m.Count(x => x.Status == "sent") == count);

    private static async Task<T> ReadAsync<T>(SelfHostRunner host, string path)
    {
        using var response = await host.Client.SendAsync(Payloads.Get(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }
}
