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
/// Transactions arrive through the queue, the nightly job runs (as `churn score` runs it), and its scores, snapshot
/// and alerts are read back over HTTP. The data is crafted: 60 customers buy every 10 days from January 2024; 40 of
/// them stop on 1 February. With the default rule (silent for 3 times the own gap = 30 days) all 60 are active on
/// 29 February and the 40 are churned by 31 March: a churn rate of 40/60 for March.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NightlyScoringTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private SelfHostRunner host = null!;

    public async Task InitializeAsync()
    {
        // A fresh Azurite state per class is not available in the shared collection, so customers carry this run's tag
        // and the assertions count only them; the scoring itself sees every customer in the account.
        host = await SelfHostRunner.StartAsync(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Alerts:ChurnRateThreshold"] = "0.3",
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Scoring_writes_scores_and_a_snapshot_readable_over_http_and_raises_a_churn_spike_alert_once()
    {
        await host.ClearAnalyticsTablesAsync();
        for (var c = 0; c < 60; c++)
        {
            var stops = c < 40 ? new DateOnly(2024, 2, 1) : AsOf;
            var items = new List<string>();
            for (var day = new DateOnly(2024, 1, 2); day <= stops; day = day.AddDays(10))
            {
                items.Add(Payloads.PosTransaction($"{run}-{c}-{day:MMdd}", Email(c), 20m + c, occurredAt: $"{day:yyyy-MM-dd}T12:00:00+00:00"));
            }

            var response = await host.Client.SendAsync(Payloads.Pos("[" + string.Join(",", items) + "]"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await SelfHostRunner.EventuallyAsync(
            () => host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);
        var last = await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(Email(59)), c => c is { OrderCount: 9 });

        var job = host.Services.GetRequiredService<ScoringJob>();
        var first = await job.RunAsync(AsOf, default);
        var second = await job.RunAsync(AsOf, default);

        Assert.Equal(60, first.Customers);
        Assert.True(first.AlertsRaised >= 1);
        Assert.Equal(0, second.AlertsRaised);

        var snapshot = Assert.Single(await GetAsync<List<MetricsSnapshot>>("/api/metrics?from=2024-03-31&to=2024-03-31"));
        Assert.Equal(60, snapshot.ActiveAtStart);
        Assert.Equal(40, snapshot.ChurnedDuringPeriod);
        Assert.Equal(40.0 / 60, snapshot.ChurnRate!.Value, 6);
        Assert.Equal(new DateOnly(2024, 3, 2), snapshot.PeriodStart);
        Assert.Equal("mbgnbd", snapshot.Model);

        var alerts = await GetAsync<List<Alert>>("/api/alerts?from=2024-03-31&to=2024-03-31");
        Assert.Single(alerts, a => a.Condition == "churn-rate-above-threshold");
        var outbox = await GetAsync<List<OutboxEntry>>("/api/outbox");
        Assert.Single(outbox, e => e.Channel == "alert" && e.SendId.Contains("churn-rate-above-threshold", StringComparison.Ordinal));

        var stayed = await GetAsync<CustomerScore>($"/api/customers/{last!.Id}/score");
        var stopped = await GetAsync<CustomerScore>($"/api/customers/{(await host.FindCustomerAsync(Email(0)))!.Id}/score");
        Assert.Equal(AsOf, stayed.AsOf);
        Assert.Equal("active", stayed.ChurnStatus);
        Assert.StartsWith("churned-", stopped.ChurnStatus, StringComparison.Ordinal);
        Assert.True(stayed.ProbabilityAlive > stopped.ProbabilityAlive);

        var segments = await GetAsync<JsonElement>("/api/segments");
        Assert.Equal(60, segments.GetProperty("segments").EnumerateObject().Sum(p => p.Value.GetInt32()));

        // Without dates the read routes answer the latest run's window, not the 30 days before today.
        Assert.Equal(AsOf, Assert.Single(await GetAsync<List<MetricsSnapshot>>("/api/metrics")).Date);
        Assert.Contains(await GetAsync<List<Alert>>("/api/alerts"), a => a.Condition == "churn-rate-above-threshold");
    }

    [Fact]
    public async Task Scoring_an_empty_store_as_the_timer_does_publishes_a_run_with_null_rates_and_no_model()
    {
        await host.ClearAnalyticsTablesAsync();

        var run = await host.Services.GetRequiredService<ScoringJob>().RunAsync(null, default);

        Assert.Equal(0, run.Customers);
        Assert.Null(run.Model);
        var snapshot = Assert.Single(await GetAsync<List<MetricsSnapshot>>("/api/metrics"));
        Assert.Equal(run.AsOf, snapshot.Date);
        Assert.Null(snapshot.ChurnRate);
        Assert.Null(snapshot.RepeatPurchaseRate);
        Assert.Null(snapshot.Model);
        Assert.Equal(0, (await GetAsync<JsonElement>("/api/segments")).GetProperty("customers").GetInt32());
    }

    [Fact]
    public async Task Scoring_a_store_of_stale_one_time_buyers_completes_and_every_one_is_lost()
    {
        await host.ClearAnalyticsTablesAsync();
        var items = Enumerable.Range(0, 5)
            .Select(c => Payloads.PosTransaction($"{run}-stale-{c}", Email(100 + c), 15m, occurredAt: $"2019-0{c + 1}-10T12:00:00+00:00"));
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Pos("[" + string.Join(",", items) + "]"))).StatusCode);
        await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(Email(104)), c => c is { OrderCount: 1 });
        await SelfHostRunner.EventuallyAsync(
            () => host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);

        var scored = await host.Services.GetRequiredService<ScoringJob>().RunAsync(null, default);

        Assert.Equal(5, scored.Customers);
        Assert.Null(scored.Model);
        var snapshot = Assert.Single(await GetAsync<List<MetricsSnapshot>>("/api/metrics"));
        Assert.Null(snapshot.ChurnRate);
        Assert.Equal("no customer bought on a second day", snapshot.ModelUnavailableReason);
        var score = await GetAsync<CustomerScore>($"/api/customers/{(await host.FindCustomerAsync(Email(100)))!.Id}/score");
        Assert.Equal(("lost", "at-risk", "churned-one-time-buyer"), (score.Segment, score.Tier, score.ChurnStatus));
        Assert.Null(score.ProbabilityAlive);
    }

    private string Email(int customer) => $"score-{run}-{customer}@example.com";

    private async Task<T> GetAsync<T>(string path)
    {
        using var response = await host.Client.SendAsync(Payloads.Get(path));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }
}
