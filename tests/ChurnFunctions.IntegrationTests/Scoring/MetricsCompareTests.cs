using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChurnFunctions.Analytics.Numerics;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Scoring.Comparison;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Scoring;

/// <summary>
/// GET /api/metrics/compare over HTTP on crafted data: 12 customers buy every 10 days from 2 January 2024 and 8 stop
/// on 1 February. In February nobody is lost yet (silent under 30 days); by the March run 8 of 12 are churned.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MetricsCompareTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private SelfHostRunner host = null!;

    public async Task InitializeAsync()
    {
        host = await SelfHostRunner.StartAsync(azurite.ConnectionString);
        await host.ClearAnalyticsTablesAsync();
        for (var c = 0; c < 12; c++)
        {
            var stops = c < 8 ? new DateOnly(2024, 2, 1) : AsOf;
            var items = new List<string>();
            for (var day = new DateOnly(2024, 1, 2); day <= stops; day = day.AddDays(10))
            {
                items.Add(Payloads.PosTransaction($"{run}-{c}-{day:MMdd}", $"compare-{run}-{c}@example.com", 30m, $"{day:yyyy-MM-dd}T12:00:00+00:00"));
            }

            Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Pos("[" + string.Join(",", items) + "]"))).StatusCode);
        }

        await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync($"compare-{run}-11@example.com"), c => c is { OrderCount: 9 });
        await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync($"compare-{run}-0@example.com"), c => c is { OrderCount: 4 });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Compare_gives_each_periods_rates_as_the_nightly_run_does_with_wilson_and_newcombe_intervals()
    {
        await host.Services.GetRequiredService<ScoringJob>().RunAsync(AsOf, default);
        var snapshot = Assert.Single((await GetAsync<List<MetricsSnapshot>>("/api/metrics?from=2024-03-31&to=2024-03-31"))!);

        var comparison = (await GetAsync<MetricsComparison>($"/api/metrics/compare?before=2024-02-01..2024-02-29&after={snapshot.PeriodStart:yyyy-MM-dd}..2024-03-31"))!;

        // The after period is the run's own metrics period: the same rates, by the same definitions.
        Assert.Equal(snapshot.ChurnRate, comparison.After.ChurnRate.Value);
        Assert.Equal(snapshot.RetentionRate, comparison.After.RetentionRate.Value);
        Assert.Equal(snapshot.RepeatPurchaseRate, comparison.After.RepeatPurchaseRate.Value);
        Assert.Equal((8, 12), (comparison.After.ChurnRate.Numerator, comparison.After.ChurnRate.Denominator));
        Assert.Equal((0, 12), (comparison.Before.ChurnRate.Numerator, comparison.Before.ChurnRate.Denominator));
        Assert.Equal(new DateOnly(2024, 2, 1), comparison.Before.From);

        var (low, high) = ProportionInterval.Wilson(8, 12)!.Value;
        Assert.Equal(low, comparison.After.ChurnRate.Low!.Value, 12);
        Assert.Equal(high, comparison.After.ChurnRate.High!.Value, 12);
        Assert.Equal(0, comparison.Before.ChurnRate.Low);
        var (d, dLow, dHigh) = ProportionInterval.Difference(8, 12, 0, 12)!.Value;
        Assert.Equal(d, comparison.Difference.ChurnRate.Value!.Value, 12);
        Assert.Equal(dLow, comparison.Difference.ChurnRate.Low!.Value, 12);
        Assert.Equal(dHigh, comparison.Difference.ChurnRate.High!.Value, 12);
        Assert.True(comparison.Difference.ChurnRate.Low > 0, "8 of 12 lost against none is a change the interval should see");
        Assert.Equal(0.95, comparison.ConfidenceLevel);
    }

    [Theory]
    [InlineData("after=2024-02-01..2024-02-29", "before")]
    [InlineData("before=2024-02-01..2024-02-29", "after")]
    [InlineData("before=2024-02-01..2024-02-30&after=2024-03-01..2024-03-31", "before")]
    [InlineData("before=2024-02-01-2024-02-29&after=2024-03-01..2024-03-31", "before")]
    [InlineData("before=2024-02-01..2024-02-29&after=2024-03-31..2024-03-01", "after")]
    [InlineData("before=2024-02-01..2024-02-29&after=2024-03-01..2024-03-31&after=2024-04-01..2024-04-30", "after")]
    public async Task Bad_periods_get_a_problem_naming_the_parameter(string query, string parameter)
    {
        using var response = await host.Client.SendAsync(Payloads.Get("/api/metrics/compare?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Compare_wants_the_read_key()
    {
        using var response = await host.Client.GetAsync("/api/metrics/compare?before=2024-02-01..2024-02-29&after=2024-03-01..2024-03-31");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<T?> GetAsync<T>(string path)
    {
        using var response = await host.Client.SendAsync(Payloads.Get(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web);
    }
}
