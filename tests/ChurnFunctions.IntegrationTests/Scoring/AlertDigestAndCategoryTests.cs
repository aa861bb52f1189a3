using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Scoring;

/// <summary>
/// Over HTTP and Azurite: category abandonment from POS deliveries with categories through the queue and the nightly
/// job; many alerts of one rule as one staff digest in the outbox, the alerts listed one by one for the digest's
/// link; and the outbox paged by kind with nothing dropped.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertDigestAndCategoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await SelfHostRunner.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_till_customer_who_stopped_buying_coffee_but_still_buys_tea_is_flagged_and_one_who_left_is_not()
    {
        var asOf = new DateOnly(2024, 12, 31);
        await host.ClearAnalyticsTablesAsync();
        await PostHistoryAsync("switcher", asOf, stopsCoffee: true, keepsTea: true);
        await PostHistoryAsync("leaver", asOf, stopsCoffee: true, keepsTea: false);
        for (var c = 0; c < 20; c++)
        {
            await PostHistoryAsync($"regular-{c}", asOf, stopsCoffee: false, keepsTea: true, everyDays: 10 + c);
        }

        await SelfHostRunner.EventuallyAsync(() => host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);
        await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(Email("regular-19")), c => c is { OrderCount: > 10 });

        await host.Services.GetRequiredService<ScoringJob>().RunAsync(asOf, default);

        var switcher = await GetAsync<CustomerScore>($"/api/customers/{(await host.FindCustomerAsync(Email("switcher")))!.Id}/score");
        var leaver = await GetAsync<CustomerScore>($"/api/customers/{(await host.FindCustomerAsync(Email("leaver")))!.Id}/score");
        var regular = await GetAsync<CustomerScore>($"/api/customers/{(await host.FindCustomerAsync(Email("regular-0")))!.Id}/score");
        Assert.Equal(["Coffee"], switcher.AbandonedCategories);
        Assert.Empty(leaver.AbandonedCategories);
        Assert.Empty(regular.AbandonedCategories);
    }

    [Fact]
    public async Task Many_alerts_of_one_rule_are_one_outbox_digest_and_stay_listed_one_by_one()
    {
        // A day no other test uses, so the alerts and the digest are this test's alone.
        var day = new DateOnly(2031, 1, 1).AddDays(Random.Shared.Next(3000));
        var alerts = new List<Alert>();
        for (var i = 0; i < 30; i++)
        {
            var customer = (await PostOneAsync($"vip-{i}"))!;
            alerts.Add(new Alert(day, $"top-customer-slipping:{customer.Id}", "medium", $"High-value customer {customer.Id} may be slipping away",
                string.Create(CultureInfo.InvariantCulture, $"P(alive) 0.30 (was 0.90), CLV {100 + i:0.00}, segment AtRisk."), DateTimeOffset.UtcNow, customer.Id, 100 + i, 0.3));
        }

        await host.Services.GetRequiredService<AlertService>().RaiseAsync(alerts, default);
        await host.Services.GetRequiredService<AlertService>().RaiseAsync(alerts, default);

        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var digests = (await AllOutboxAsync("alert")).Where(e => e.SendId.StartsWith($"alert:{day:yyyyMMdd}:", StringComparison.Ordinal)).ToList();
        var digest = Assert.Single(digests);
        Assert.Equal("30 high-value customers may be slipping away", digest.Subject);
        Assert.Contains($"Test Buyer <{Email("vip-29")}>", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Email("vip-0"), digest.Body, StringComparison.Ordinal);
        Assert.Contains($"...and 10 more. All 30: /api/alerts?date={date}&rule=top-customer-slipping", digest.Body, StringComparison.Ordinal);

        var listed = await GetAsync<List<Alert>>($"/api/alerts?date={date}&rule=top-customer-slipping");
        Assert.Equal(30, listed.Count);
        Assert.Empty(await GetAsync<List<Alert>>($"/api/alerts?date={date}&rule=churn-rate-rising"));
    }

    [Fact]
    public async Task The_outbox_pages_by_kind_and_keeps_campaign_messages_reachable_after_thousands_of_alerts()
    {
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 150; i++)
        {
            await outbox.RecordAsync(new OutboxEntry($"{run}-inst-{i}:step-1", "email", "x@example.com", "Come back", "...", at.AddMilliseconds(-i)), default);
        }

        var campaign = await AllOutboxAsync("campaign", max: 40);
        Assert.Equal(150, campaign.Count(e => e.SendId.StartsWith(run, StringComparison.Ordinal)));
        Assert.All(campaign, e => Assert.Equal("campaign", e.Kind));

        using var bad = await host.Client.SendAsync(Payloads.Get("/api/outbox?kind=spam&cursor=%21"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    private async Task<List<OutboxEntry>> AllOutboxAsync(string kind, int max = 100)
    {
        var all = new List<OutboxEntry>();
        string? path = $"/api/outbox?kind={kind}&max={max}";
        while (path is not null)
        {
            using var response = await host.Client.SendAsync(Payloads.Get(path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<List<OutboxEntry>>(JsonSerializerOptions.Web))!;
            Assert.True(page.Count <= max);
            all.AddRange(page);
            path = response.Headers.TryGetValues("X-Next-Cursor", out var next) ? $"/api/outbox?kind={kind}&max={max}&cursor={next.Single()}" : null;
        }

        return all;
    }

    private async Task<Core.Customers.CustomerView?> PostOneAsync(string name)
    {
        var response = await host.Client.SendAsync(Payloads.Pos(JsonSerializer.Serialize(new
        {
            id = $"{run}-{name}",
            occurredAt = "2024-05-01T10:00:00+00:00",
            currency = "EUR",
            total = 10m,
            customer = new { email = Email(name), firstName = "Test", lastName = "Buyer" },
        })));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(Email(name)), c => c is not null);
    }

    /// <summary>Tea and coffee every few days from January; coffee (or everything) stops on 30 June when asked.</summary>
    private async Task PostHistoryAsync(string name, DateOnly asOf, bool stopsCoffee, bool keepsTea, int everyDays = 14)
    {
        var items = new List<object>();
        for (var day = new DateOnly(2024, 1, 5); day <= asOf.AddDays(-10); day = day.AddDays(everyDays))
        {
            var early = day <= new DateOnly(2024, 6, 30);
            var lines = new List<object>();
            if (early || keepsTea)
            {
                lines.Add(new { sku = "TEA", category = "Tea", quantity = 1, amount = 12.5m });
            }

            if (early || !stopsCoffee)
            {
                lines.Add(new { sku = "COF", category = "Coffee", quantity = 1, amount = 18m });
            }

            if (lines.Count > 0)
            {
                items.Add(new { id = $"{run}-{name}-{day:MMdd}", occurredAt = $"{day:yyyy-MM-dd}T10:00:00+00:00", currency = "EUR", total = 30.5m, customer = new { email = Email(name) }, lines });
            }
        }

        var response = await host.Client.SendAsync(Payloads.Pos(JsonSerializer.Serialize(items)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private string Email(string name) => $"{name}-{run}@example.com";

    private async Task<T> GetAsync<T>(string path)
    {
        using var response = await host.Client.SendAsync(Payloads.Get(path));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }
}
