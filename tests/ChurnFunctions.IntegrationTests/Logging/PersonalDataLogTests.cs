using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.Campaigns;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.IntegrationTests.Campaigns;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.IntegrationTests.Telemetry;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace ChurnFunctions.IntegrationTests.Logging;

/// <summary>
/// One end-to-end run of `churn serve` with every log category captured at Trace: webhooks and POS transactions with
/// distinctive contact details, lookups by email and phone in the query string, storage retries on the identity
/// table, a rejected delivery, scoring and a campaign sending through the fake SendGrid and Twilio. None of the
/// personal values sent, nor their URL-encoded forms, may appear in any message, state value, scope or exception,
/// nor in any span the telemetry pipeline exports (name, tag, status, event), captured by an in-memory exporter added
/// through AddChurnTelemetry.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonalDataLogTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly int digits = Random.Shared.Next(1_000_000, 9_999_999);
    private readonly LogCapture logs = new();
    private readonly ExportedItems<Activity> spans = new();
    private readonly InMemoryCampaignDefinitions definitions = new();
    private FakeSendGridServer sendGrid = null!;
    private FakeTwilioServer twilio = null!;
    private FlakyTableProxy proxy = null!;

    public async Task InitializeAsync()
    {
        sendGrid = await FakeSendGridServer.StartAsync();
        twilio = await FakeTwilioServer.StartAsync();
        proxy = await FlakyTableProxy.StartAsync(azurite.TableEndpoint, "identities", failEvery: 3);
    }

    public async Task DisposeAsync()
    {
        await proxy.DisposeAsync();
        await sendGrid.DisposeAsync();
        await twilio.DisposeAsync();
        logs.Dispose();
    }

    [Fact]
    public async Task No_email_phone_name_or_address_sent_in_reaches_any_log()
    {
        var shopifyEmail = $"Zephyrine.Quill.{run}@mailbox-{run}.test";
        var shopifyPhone = $"+1 (555) {digits / 10_000:000}-{digits % 10_000:0000}";
        var shopifyE164 = $"+1555{digits}";
        var posEmail = $"ophelia+{run}@inbox-{run}.test";
        var posPhone = $"+44 7700 9{(digits + 1) % 100_000:00000}";
        var posE164 = $"+4477009{(digits + 1) % 100_000:00000}";
        var names = new[] { $"Zephyrine{run}", $"Quillfeather{run}", $"Ophelia{run}", $"Marchbanks{run}" };
        var address = new[] { $"{digits % 900 + 100} Larkspur Crescent {run}", $"Thistlewick{run}", $"ZX{run[..3]} 9QQ" };
        var badEmail = $"not-an-email-{run}";

        await using var host = await StartHostAsync();

        // Intake: a signed Shopify order with phone, names and addresses; a POS sale with consent to both channels.
        var shopify = ShopifyOrder(shopifyEmail, shopifyPhone, names[0], names[1], address);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Shopify(shopify, Guid.NewGuid().ToString()))).StatusCode);
        var openZone = new CampaignScenario(run, 1, DateTimeOffset.UtcNow).OpenZone;
        var pos = PosSale(posEmail, posPhone, names[2], names[3], openZone);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Pos(pos))).StatusCode);
        var rejected = PosSale(badEmail, posPhone, names[2], names[3], openZone);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(Payloads.Pos(rejected))).StatusCode);

        // Lookups put the contact details in the query string.
        var shopper = await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(shopifyEmail), c => c is not null);
        var buyer = await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(posEmail), c => c is not null);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, $"/api/customers?phone={Uri.EscapeDataString(shopifyE164)}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, $"/api/customers?phone={Uri.EscapeDataString(posPhone)}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, $"/api/customers?email={Uri.EscapeDataString("nobody." + shopifyEmail)}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, $"/api/customers/{shopper!.Id}"));

        // Scoring, then a campaign to the POS buyer by email and SMS through the fakes.
        await host.Services.GetRequiredService<ScoringJob>().RunAsync(null, CancellationToken.None);
        await definitions.SaveAsync(Campaign, CancellationToken.None);
        Assert.True(await host.Services.GetRequiredService<ICampaignStarter>().StartAsync(Campaign.Id, buyer!.Id, CancellationToken.None));
        await SelfHostRunner.EventuallyAsync(
            () => Task.FromResult((Email: sendGrid.Accepted.Any(m => m.To.Contains(posEmail)), Sms: twilio.Accepted.Any(m => m.To == posE164))),
            sent => sent.Email && sent.Sms);

        Assert.True(proxy.Failed > 0, "the storage retry path did not run");
        var entries = logs.Entries;
        output.WriteLine($"{entries.Count} log entries captured, {proxy.Failed} storage requests failed by the proxy");
        Assert.Contains(entries, e => e.Message.Contains("Storage Table GetEntity identities failed with 503", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Message.Contains("HTTP GET /api/customers answered 200", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Trace);

        string[] values = [shopifyEmail, shopifyPhone, shopifyE164, posEmail, posPhone, posE164, badEmail, .. names, .. address];
        var needles = values
            .Concat(values.Select(Uri.EscapeDataString))
            .Concat(values.Select(v => JsonEncodedText.Encode(v).ToString()))
            .Concat([shopifyEmail.Split('@')[0], posEmail.Split('@')[0], $"555{digits}", $"77009{(digits + 1) % 100_000:00000}"]);
        var leaks = logs.Containing(needles);
        foreach (var (entry, value) in leaks.Take(20))
        {
            output.WriteLine($"'{value}' in {entry}");
        }

        Assert.Empty(leaks);

        // This run's spans only: their traces start at the test's requests, the queue or the jobs it ran in this host.
        var exported = spans.Snapshot();
        output.WriteLine($"{exported.Count} spans exported");
        Assert.Contains(exported, s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url && url.Contains("/identities", StringComparison.Ordinal));
        Assert.Contains(exported, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") is string route && route.EndsWith("customers", StringComparison.Ordinal));
        var spanLeaks = exported
            .SelectMany(s => SpanText.Of(s).Select(text => (Span: s, Text: text)))
            .SelectMany(t => needles.Where(n => t.Text.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => (t.Span, t.Text, Value: n)))
            .ToList();
        foreach (var (span, text, value) in spanLeaks.Take(20))
        {
            output.WriteLine($"'{value}' in span {span.Source.Name} {span.DisplayName}: {text}");
        }

        Assert.Empty(spanLeaks);
    }

    private static CampaignDefinition Campaign => new()
    {
        Id = "logs-privacy",
        Name = "Log privacy",
        Trigger = new SegmentEnteredTrigger("at-risk"),
        HoldoutPercent = 0,
        Steps =
        [
            new SendEmailStep { Id = "email1", TemplateId = "d-privacy" },
            new SendSmsStep { Id = "sms1", Text = "Hello {{firstName}}" },
        ],
    };

    private async Task<SelfHostRunner> StartHostAsync()
    {
        var settings = FakeProviderSettings.For(sendGrid, twilio, TimeSpan.FromSeconds(5));
        settings["AzureWebJobsStorage"] = azurite.ConnectionString.Replace(azurite.TableEndpoint.ToString(), proxy.Endpoint.ToString(), StringComparison.Ordinal);
        settings["Campaigns:DefaultTimeZone"] = "UTC";
        settings["Campaigns:Runtime:DefinitionCacheTime"] = "00:00:00";

        // As an operator turning everything up would: the caps must hold against configuration too.
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:System.Net.Http"] = "Trace";
        return await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            services: services =>
            {
                services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
                services.RemoveAll<ICampaignDefinitionStore>();
                services.AddSingleton<ICampaignDefinitionStore>(definitions);
            },
            settings: settings,
            telemetry: otel => otel.WithTracing(t => t.AddInMemoryExporter(spans)));
    }

    private static async Task<HttpStatusCode> StatusAsync(SelfHostRunner host, string path)
    {
        using var response = await host.Client.SendAsync(Payloads.Get(path));
        return response.StatusCode;
    }

    private string ShopifyOrder(string email, string phone, string firstName, string lastName, string[] address)
    {
        var postal = new
        {
            first_name = firstName, last_name = lastName, address1 = address[0], city = address[1], zip = address[2], country_code = "GB", phone,
        };
        var orderId = 7_000_000_000L + digits;
        return JsonSerializer.Serialize(new
        {
            id = orderId,
            created_at = "2024-03-14T18:42:08-04:00",
            currency = "USD",
            total_price = "129.95",
            total_discounts = "0.00",
            financial_status = "paid",
            source_name = "web",
            email,
            phone,
            customer = new { id = 8_000_000_000L + digits, email, phone, first_name = firstName, last_name = lastName, default_address = postal },
            billing_address = postal,
            shipping_address = postal,
            line_items = new[] { new { id = orderId * 10, sku = "SKU-1", product_type = "Footwear", quantity = 1, price = "129.95", total_discount = "0.00" } },
        });
    }

    private string PosSale(string email, string phone, string firstName, string lastName, string timeZone) =>
        JsonSerializer.Serialize(new
        {
            id = $"logs-{run}-{Guid.NewGuid():N}",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-400).ToString("O", CultureInfo.InvariantCulture),
            currency = "EUR",
            total = 42.5m,
            location = "store-12",
            customer = new { email, phone, firstName, lastName, timeZone, consent = new { email = true, sms = true } },
            lines = new[] { new { sku = "BAG", category = "Bags", quantity = 1, amount = 42.5m } },
        });
}
