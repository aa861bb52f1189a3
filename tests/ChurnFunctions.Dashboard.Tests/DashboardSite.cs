using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChurnFunctions.Dashboard.Tests;

/// <summary>
/// One seeded store for every dashboard test: its own Azurite, `churn serve` on Kestrel with a read key separate from
/// the POS key, 30 customers sent through the POS route (12 weekly buyers, 12 who bought every 10 days and stopped on
/// 1 February, 6 one-time buyers in March), scored as of 29, 30 and 31 March 2024; three campaigns (a win-back that
/// emails the lapsed buyers, who gave email consent, through the outbox; a call campaign whose tasks are open; and one
/// not yet enrolled for the audience preview), exit-survey answers over the last three months; and headless Debian Chromium.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string ReadKey = "dashboard-read-key-0001";

    /// <summary>The key the enrollment dry run wants; the dashboard asks the user for it, never keeps it past the tab.</summary>
    public const string AdminKey = "dashboard-admin-key-0001";
    public const string CollectionName = "dashboard";
    public static readonly DateOnly[] RunDays = [new(2024, 3, 29), new(2024, 3, 30), new(2024, 3, 31)];
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly AzuriteFixture azurite = new();
    private IPlaywright playwright = null!;

    internal SelfHostRunner Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Host.Client.BaseAddress!;

    /// <summary>Screenshots land here, in the test output folder, kept as the run's artifacts.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await SelfHostRunner.StartAsync(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Api:ReadKeys"] = ReadKey,
            ["Api:AdminKeys"] = AdminKey,
            ["Alerts:ChurnRateThreshold"] = "0.3",
            // No quiet hours, so the campaign's emails go out whatever the time of the test run.
            ["Campaigns:QuietHoursStart"] = "00:00",
            ["Campaigns:QuietHoursEnd"] = "00:00",
        });
        await SeedAsync();
        var job = Host.Services.GetRequiredService<ScoringJob>();
        foreach (var day in RunDays)
        {
            await job.RunAsync(day, default);
        }

        await SeedCampaignAsync();
        await SeedCallsAsync();
        await SeedFeedbackAsync();

        Assert.True(File.Exists(ChromiumPath), $"The dashboard tests drive Debian's chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // CI runs as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Host.DisposeAsync();
        azurite.Dispose();
    }

    /// <summary>GET a read route with the read key, as the dashboard calls it.</summary>
    public async Task<T> ReadAsync<T>(string path, JsonSerializerOptions? options = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", ReadKey);
        using var response = await Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(options ?? JsonSerializerOptions.Web))!;
    }

    /// <summary>POST a route with no body under <paramref name="key"/>, expecting 200.</summary>
    public async Task<T> PostAsync<T>(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("x-api-key", key);
        using var response = await Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }

    private async Task SeedAsync()
    {
        var orders = new int[30];
        for (var c = 0; c < 30; c++)
        {
            var (first, every, last) = c switch
            {
                < 12 => (new DateOnly(2024, 1, 2).AddDays(c % 7), 7, RunDays[^1]),
                < 24 => (new DateOnly(2024, 1, 2), 10, new DateOnly(2024, 2, 1)),
                _ => (new DateOnly(2024, 3, 1).AddDays(c - 24), 1000, RunDays[^1]),
            };
            var items = new List<string>();
            for (var day = first; day <= last; day = day.AddDays(every))
            {
                var sale = JsonNode.Parse(Payloads.PosTransaction($"dash-{c}-{day:MMdd}", Email(c), 20m + (c * 3) + (day.Day % 5), occurredAt: $"{day:yyyy-MM-dd}T12:00:00+00:00"))!;
                if (c is >= 12 and < 24)
                {
                    sale["customer"]!["consent"] = new JsonObject { ["email"] = true };
                }

                items.Add(sale.ToJsonString());
            }

            orders[c] = items.Count;
            using var response = await Host.Client.SendAsync(Payloads.Pos("[" + string.Join(",", items) + "]"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await SelfHostRunner.EventuallyAsync(() => Host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);
        for (var c = 0; c < 30; c++)
        {
            var (email, expected) = (Email(c), orders[c]);
            await SelfHostRunner.EventuallyAsync(() => OrderCountAsync(email), n => n == expected);
        }
    }

    // A win-back for customers whose P(alive) fell below 0.5, half of them held out; the lapsed buyers gave email
    // consent, so the runner emails those treated (to the outbox) and skips the rest. Instances then wait out the attribution window (still running), and the
    // report stops moving once every treated instance's send is settled.
    private async Task SeedCampaignAsync()
    {
        const string campaign = """
            {
              "id": "dash-winback",
              "name": "Win back",
              "trigger": { "type": "aliveProbabilityBelow", "threshold": 0.5 },
              "holdoutPercent": 50,
              "steps": [ { "type": "sendEmail", "id": "offer", "templateId": "d-winback" } ]
            }
            """;
        await SaveCampaignAsync(campaign);
        var run = await Host.Services.GetRequiredService<ChurnFunctions.Core.Campaigns.Enrollment.CampaignEnrollmentJob>().RunAsync(default);
        CampaignEntered = run.Started;
        await SelfHostRunner.EventuallyAsync(
            () => ReadAsync<JsonElement>("/api/campaigns/dash-winback/report"),
            r => r.GetProperty("treatment").GetProperty("entered").GetInt32() + r.GetProperty("holdout").GetProperty("entered").GetInt32() == CampaignEntered
                && Settled(r.GetProperty("treatment").GetProperty("entered").GetInt32(), r.GetProperty("steps")[0]));
    }

    // A call campaign enrolled after the win-back (which the second run leaves alone: its customers are in already),
    // so the call list holds one open task per entrant; and a campaign saved but never enrolled, half held out, whose
    // audience the enrollment dry run still lists.
    private async Task SeedCallsAsync()
    {
        await SaveCampaignAsync("""
            {
              "id": "dash-calls",
              "name": "Call lapsed buyers",
              "trigger": { "type": "aliveProbabilityBelow", "threshold": 0.5 },
              "holdoutPercent": 0,
              "steps": [ { "type": "createStaffTask", "id": "call", "text": "Call to ask why they stopped and offer 10% off" } ]
            }
            """);
        var run = await Host.Services.GetRequiredService<ChurnFunctions.Core.Campaigns.Enrollment.CampaignEnrollmentJob>().RunAsync(default);
        CallTasks = run.Started;
        await SelfHostRunner.EventuallyAsync(() => ReadAsync<JsonElement>("/api/tasks?status=all"), tasks => tasks.GetArrayLength() == CallTasks);

        await SaveCampaignAsync("""
            {
              "id": "dash-preview",
              "name": "Care for the fading",
              "trigger": { "type": "aliveProbabilityBelow", "threshold": 0.99 },
              "holdoutPercent": 50,
              "steps": [ { "type": "sendEmail", "id": "care", "templateId": "d-care" } ]
            }
            """);
    }

    private async Task SaveCampaignAsync(string json)
    {
        using var save = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        save.Headers.Add("x-api-key", ReadKey);
        using var saved = await Host.Client.SendAsync(save);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }

    /// <summary>Tasks the call campaign made, one per customer it entered.</summary>
    public int CallTasks { get; private set; }

    // Answers from the customer page's customer (one this month, one two months back) and from two others, stored as
    // the survey route stores them, dated back from now so they fall in the campaigns page's last 12 months.
    private async Task SeedFeedbackAsync()
    {
        var messaged = new List<string>();
        for (var c = 12; c < 24; c++)
        {
            var id = (await ReadAsync<JsonElement>($"/api/customers?email={Uri.EscapeDataString(Email(c))}")).GetProperty("id").GetString()!;
            if ((await ReadAsync<JsonElement>($"/api/customers/{Uri.EscapeDataString(id)}/messages")).GetArrayLength() > 0)
            {
                messaged.Add(id);
            }
        }

        Assert.True(messaged.Count >= 3, $"{messaged.Count} customers were emailed; the seed needs 3");
        MessagedCustomerId = messaged[0];
        var store = Host.Services.GetRequiredService<IFeedbackStore>();
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync(new FeedbackEntry(messaged[0], ChurnReason.Price, "Too dear since the spring.", now.AddDays(-62)), default);
        await store.SaveAsync(new FeedbackEntry(messaged[0], ChurnReason.Competitor, "Found it cheaper nearby.", now), default);
        await store.SaveAsync(new FeedbackEntry(messaged[1], ChurnReason.Price, null, now.AddDays(-31)), default);
        await store.SaveAsync(new FeedbackEntry(messaged[2], ChurnReason.Service, null, now), default);

        // An alert naming the customer, as the nightly rule for slipping top customers raises it.
        await Host.Services.GetRequiredService<IAlertStore>().TryAddAsync(new Alert(
            RunDays[^1], $"top-customer-slipping:{messaged[0]}", "warning", "A top customer is slipping", "P(alive) 0.01",
            new DateTimeOffset(RunDays[^1].ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero), messaged[0], 300, 0.01), default);
    }

    /// <summary>A customer the seeded campaign emailed, with two exit-survey answers and an alert.</summary>
    public string MessagedCustomerId { get; private set; } = null!;

    private static bool Settled(int treated, JsonElement step) =>
        step.GetProperty("skipped").GetInt32() + step.GetProperty("treatment").GetProperty("sent").GetInt32() == treated;

    /// <summary>Customers the seeded campaign's enrollment started.</summary>
    public int CampaignEntered { get; private set; }

    private async Task<int> OrderCountAsync(string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/customers?email={Uri.EscapeDataString(email)}");
        request.Headers.Add("x-api-key", ReadKey);
        using var response = await Host.Client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderCount").GetInt32()
            : 0;
    }

    private static string Email(int c) => $"dash-{c}@example.com";
}
