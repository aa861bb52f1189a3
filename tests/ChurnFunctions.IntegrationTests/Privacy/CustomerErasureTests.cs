using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.Campaigns;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.IntegrationTests.Campaigns;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage.Privacy;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;

namespace ChurnFunctions.IntegrationTests.Privacy;

/// <summary>
/// A customer's whole history through `churn serve` on Azurite (Shopify webhooks, scoring, a campaign email and SMS to
/// the fake providers, exit-survey feedback, an alert and an alert digest naming them, a claim-check body), then
/// export and erasure over HTTP: afterwards no table entity and no blob in the account holds their id or any
/// personal value, a bystander's rows are intact, and a later webhook for them creates no customer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomerErasureTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminKey = "admin-integration-key";
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly InMemoryCampaignDefinitions definitions = new();
    private FakeSendGridServer sendGrid = null!;
    private FakeTwilioServer twilio = null!;
    private SelfHostRunner host = null!;

    public async Task InitializeAsync()
    {
        sendGrid = await FakeSendGridServer.StartAsync();
        twilio = await FakeTwilioServer.StartAsync();
        var settings = FakeProviderSettings.For(sendGrid, twilio, TimeSpan.FromSeconds(2));
        settings["Campaigns:DefaultTimeZone"] = new CampaignScenario(run, 1, DateTimeOffset.UtcNow).OpenZone;
        settings["Campaigns:Runtime:DefinitionCacheTime"] = "00:00:00";
        settings["Api:AdminKeys"] = AdminKey;
        settings["Privacy:IdentitySalt"] = "integration-identity-salt-0123456789";
        settings["Feedback:SigningKey"] = EngagementHostKey;
        host = await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            services: services =>
            {
                services.RemoveAll<ICampaignDefinitionStore>();
                services.AddSingleton<ICampaignDefinitionStore>(definitions);
            },
            settings: settings);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await sendGrid.DisposeAsync();
        await twilio.DisposeAsync();
    }

    private const string EngagementHostKey = "feedback-integration-signing-key-0123456789";

    // A staff task whose text names the person, and their do-not-call mark: both must go with the erasure.
    private async Task SeedCallListAsync(string customerId, Person person)
    {
        var instanceId = CampaignInstanceId.For(customerId, "calls-" + run);
        await host.Services.GetRequiredService<Core.Campaigns.Runtime.ICampaignActionLog>().RecordAsync(
            instanceId, customerId, new CreateStaffTask("call", CampaignInstanceId.ForStep(instanceId, "call"), $"Call {person.FirstName}"), DateTimeOffset.UtcNow, default);
        var tasks = host.Services.GetRequiredService<Core.Campaigns.Tasks.IStaffTaskStore>();
        Assert.NotNull(await tasks.GetAsync(CampaignInstanceId.ForStep(instanceId, "call"), default));
        await tasks.MarkDoNotCallAsync(customerId, DateTimeOffset.UtcNow, default);
    }

    [Fact]
    public async Task Erasure_leaves_no_row_or_blob_naming_the_customer_and_a_later_webhook_creates_nobody()
    {
        var person = new Person(run, 0);
        var bystander = new Person(run, 1);
        await DeliverAsync(person, orderId: 1, "2024-03-14T18:42:08Z");
        await DeliverAsync(person, orderId: 2, "2024-05-02T10:00:00Z");
        await DeliverAsync(bystander, orderId: 3, "2024-04-01T09:00:00Z");
        var customerId = (await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(person.Email), c => c is { Transactions.Count: 2 }))!.Id;
        var bystanderId = (await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(bystander.Email), c => c is not null))!.Id;

        await host.Services.GetRequiredService<ScoringJob>().RunAsync(null, default);
        await SendCampaignAsync(customerId, person);
        var token = host.Services.GetRequiredService<FeedbackLinks>().Create(customerId, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.Created, (await host.Client.PostAsJsonAsync("/api/feedback", new { token, reason = "price", text = $"Ask {person.FirstName}" })).StatusCode);
        await SeedSharedRowsAsync(customerId, person, bystanderId, bystander);
        await SeedCallListAsync(customerId, person);
        output.WriteLine($"customer {customerId}, bystander {bystanderId}: history written");
        Assert.NotEmpty(await StorageScan.FindAsync(host.Storage, person.Values(customerId)));

        var unauthorized = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/customers/{customerId}/export"));
        var readKeyOnly = await host.Client.SendAsync(Payloads.Get($"/api/customers/{customerId}/export"));
        var export = await host.Client.SendAsync(Admin(HttpMethod.Get, $"/api/customers/{customerId}/export"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, readKeyOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var document = await export.Content.ReadFromJsonAsync<JsonElement>();
        var tables = document.GetProperty("tables");
        foreach (var table in new[] { "customers", "identities", "scores", "campaigninstances", "campaignledger", "campaigncaps", "feedback", "churnreasons", "alerts", "outbox" })
        {
            Assert.True(tables.TryGetProperty(table, out var rows) && rows.GetArrayLength() > 0, $"export has no {table} rows");
        }

        Assert.Equal(3, tables.GetProperty("customers").GetArrayLength());
        Assert.Contains(person.Email, document.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(bystander.Email, document.GetRawText(), StringComparison.Ordinal);

        var erased = await host.Client.SendAsync(Admin(HttpMethod.Delete, $"/api/customers/{customerId}"));
        var again = await host.Client.SendAsync(Admin(HttpMethod.Delete, $"/api/customers/{customerId}"));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetProperty("customers").GetInt32() >= 3);
        Assert.All((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));

        // The audit keeps the customer id by design (which erasure it was); nothing else may name them anywhere.
        var auditOnly = new HashSet<string> { TablePrivacyAudit.TableName };
        Assert.Empty(await StorageScan.FindAsync(host.Storage, [customerId], auditOnly));
        Assert.Empty(await StorageScan.FindAsync(host.Storage, person.PersonalValues));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(Payloads.Get($"/api/customers/{customerId}"))).StatusCode);

        // The bystander keeps everything, including their place in the shared alert digest.
        Assert.NotNull(await host.FindCustomerAsync(bystander.Email));
        Assert.NotEmpty(await StorageScan.FindAsync(host.Storage, [bystander.Email, bystanderId]));
        var digest = await host.Client.SendAsync(Payloads.Get("/api/outbox?kind=alert&max=500"));
        Assert.Contains(bystander.Email, await digest.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audit = await host.Services.GetRequiredService<IPrivacyAudit>().ListAsync(default);
        Assert.Contains(audit, a => a.Action == "export" && a.CustomerId == customerId && a.Actor.StartsWith("admin-key:", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "erase" && a.CustomerId == customerId && a.Counts.GetValueOrDefault("customers") >= 3);

        // A later order for them is stored as an anonymous sale: no customer, no personal value anywhere.
        await DeliverAsync(person, orderId: 4, "2024-06-01T10:00:00Z");
        await SelfHostRunner.EventuallyAsync(
            () => host.Services.GetRequiredService<IIdentityIndex>().FindAsync($"order:shopify:order:{person.OrderId(4)}", default),
            holder => holder is not null);
        Assert.Null(await host.FindCustomerAsync(person.Email));
        Assert.Empty(await StorageScan.FindAsync(host.Storage, person.PersonalValues));
        Assert.True(await host.Services.GetRequiredService<ISuppressionList>().IsSuppressedAsync(MessageChannel.Email, person.Email, default));
        Assert.True(await host.Services.GetRequiredService<ISuppressionList>().IsSuppressedAsync(MessageChannel.Sms, person.Phone, default));
        Assert.False(await host.Services.GetRequiredService<ISuppressionList>().IsSuppressedAsync(MessageChannel.Email, bystander.Email, default));
    }

    private async Task DeliverAsync(Person person, int orderId, string createdAt)
    {
        var response = await host.Client.SendAsync(Payloads.Shopify(person.Order(orderId, createdAt), $"ev-{run}-{person.OrderId(orderId)}"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task SendCampaignAsync(string customerId, Person person)
    {
        var campaignId = "erase-" + run;
        await definitions.SaveAsync(
            new CampaignDefinition
            {
                Id = campaignId,
                Name = "Erasure test",
                Trigger = new SegmentEnteredTrigger("at-risk"),
                HoldoutPercent = 0,
                Steps =
                [
                    new SendEmailStep { Id = "email1", TemplateId = "d-erase" },
                    new SendSmsStep { Id = "sms1", Text = "We miss you, {{firstName}}" },
                ],
            },
            default);
        Assert.True(await host.Services.GetRequiredService<ICampaignStarter>().StartAsync(campaignId, customerId, default));
        await SelfHostRunner.EventuallyAsync(
            () => Task.FromResult(sendGrid.Accepted.Any(m => m.To.Contains(person.Email)) && twilio.Accepted.Any(m => m.To == person.Phone)),
            sent => sent);
    }

    // Rows that concern several people: an alert digest in the outbox naming both, an alert about the customer, and
    // a claim-check body of theirs still waiting in ingest-bodies (as a delivery being retried would leave it).
    private async Task SeedSharedRowsAsync(string customerId, Person person, string bystanderId, Person bystander)
    {
        var now = DateTimeOffset.UtcNow;
        var body = $"Top customers slipping:\n{person.FirstName} {person.LastName} <{person.Email}> {customerId}\n{bystander.FirstName} {bystander.LastName} <{bystander.Email}> {bystanderId}";
        await host.Services.GetRequiredService<IOutbox>().RecordAsync(new OutboxEntry($"alert:erase-{run}", "email", "staff@example.com", "Digest", body, now), default);
        await host.Services.GetRequiredService<IAlertStore>().TryAddAsync(
            new Alert(DateOnly.FromDateTime(now.UtcDateTime), $"top-customer-slipping:{customerId}", "warning", "Slipping", $"{person.FirstName} {person.LastName} is slipping", now, customerId), default);
        await host.Services.GetRequiredService<IBlobStore>().PutAsync(
            Triggers.IngestBodiesContainer, $"erase-{run}", Encoding.UTF8.GetBytes(person.Order(9, "2024-07-01T00:00:00Z")), "application/octet-stream", default);
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", AdminKey);
        return request;
    }

    private sealed record Person(string Run, int Index)
    {
        private long CustomerNumber => 7_000_000_000 + (long.Parse(Run[..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture) * 10) + Index;

        public string Email => $"erasable-{Run}-{Index}@example.com";

        public string Phone => "+1555" + (CustomerNumber % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

        public string FirstName => $"Zelda{Run}x{Index}";

        public string LastName => $"Quartz{Run}x{Index}";

        public string PlatformKey => "shopify:" + CustomerNumber.ToString(CultureInfo.InvariantCulture);

        public IReadOnlyList<string> PersonalValues => [Email, Phone, FirstName, LastName, PlatformKey];

        public IReadOnlyList<string> Values(string customerId) => [customerId, .. PersonalValues];

        public long OrderId(int order) => (CustomerNumber * 10) + order;

        public string Order(int order, string createdAt) => JsonSerializer.Serialize(new
        {
            id = OrderId(order),
            created_at = createdAt,
            currency = "USD",
            total_price = "42.50",
            total_discounts = "0.00",
            financial_status = "paid",
            source_name = "web",
            email = Email,
            customer = new
            {
                id = CustomerNumber,
                email = Email,
                phone = Phone,
                first_name = FirstName,
                last_name = LastName,
                email_marketing_consent = new { state = "subscribed", consent_updated_at = "2024-01-01T00:00:00Z" },
                sms_marketing_consent = new { state = "subscribed", consent_updated_at = "2024-01-01T00:00:00Z" },
            },
            line_items = new[] { new { id = OrderId(order) * 10, sku = "SKU-1", product_type = "Footwear", quantity = 1, price = "42.50", total_discount = "0.00" } },
        });
    }
}
