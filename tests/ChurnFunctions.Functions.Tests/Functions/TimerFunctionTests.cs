using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>The timer functions, invoked with a TimerInfo as the host invokes them, run their jobs against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FunctionApp app = null!;

    public Task InitializeAsync()
    {
        app = FunctionApp.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Nightly_scoring_scores_seeded_customers_and_stores_the_days_snapshot()
    {
        var marker = "fn-score-" + Guid.NewGuid().ToString("N");
        var email = await SeedAsync(marker);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        await app.Create<NightlyScoringFunction>().Run(new TimerInfo(), CancellationToken.None);

        var id = await CustomerIdAsync(email);
        var score = await app.InvokeHttpAsync("GetCustomerScore", FunctionRequest.Read(Triggers.CustomerScoreRoute, routeValues: new Dictionary<string, string> { ["id"] = id }));
        Assert.Equal(200, score.Status);
        Assert.Equal(yesterday.ToString("yyyy-MM-dd"), score.Json!["asOf"]!.GetValue<string>());
        var metrics = await app.InvokeHttpAsync("GetMetrics", FunctionRequest.Read(Triggers.MetricsRoute, $"from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}"));
        Assert.Equal(200, metrics.Status);
        var snapshot = Assert.Single(metrics.Json!.AsArray());
        Assert.True(snapshot!["customers"]!.GetValue<int>() >= 12);
    }

    [Fact]
    public async Task Campaign_enrollment_queues_a_start_that_the_start_function_schedules()
    {
        var marker = "fn-enroll-" + Guid.NewGuid().ToString("N");
        var email = await SeedAsync(marker);
        var customerId = await CustomerIdAsync(email);
        var campaignId = marker;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(201, (await SaveCampaignAsync(campaignId, today, enabled: true)).Status);

        try
        {
            await app.Create<CampaignEnrollmentFunction>().Run(new TimerInfo(), CancellationToken.None);

            var client = new Mock<DurableTaskClient>("test");
            client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
            // A fixed-date campaign recurs: its run key is the date, so the same customer may enter next year's.
            var expected = CampaignInstanceId.For(customerId, campaignId, $"d{today:yyyyMMdd}");
            await QueueTriggerDriver.TakeAsync(
                app,
                Triggers.CampaignStartsQueue,
                text => text.Contains(campaignId, StringComparison.Ordinal) && text.Contains(customerId, StringComparison.Ordinal),
                message => new CampaignStartFunction().Run(message.Text, client.Object, CancellationToken.None));
            client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.Is<TaskName>(n => n.Name == CampaignOrchestrator.Name),
                It.IsAny<object?>(),
                It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == expected),
                It.IsAny<CancellationToken>()), Times.Once);
        }
        finally
        {
            // Later runs in this Azurite must not enroll everyone into a campaign that matches every customer today.
            await SaveCampaignAsync(campaignId, today, enabled: false);
        }
    }

    /// <summary>
    /// Twelve customers buying every few weeks over the last 300 days, a third of them stopped long ago, stored through
    /// PosTransactions and IngestQueue; the first one's email.
    /// </summary>
    private async Task<string> SeedAsync(string marker)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var items = new List<object>();
        for (var c = 0; c < 12; c++)
        {
            var stops = today.AddDays(-1 - (c % 3) * 120);
            for (var day = today.AddDays(-300); day <= stops; day = day.AddDays(15 + c * 3))
            {
                items.Add(new
                {
                    id = $"{marker}-{c}-{day:yyyyMMdd}",
                    occurredAt = $"{day:yyyy-MM-dd}T12:00:00+00:00",
                    currency = "EUR",
                    total = 20m + c,
                    customer = new { email = $"{marker}-{c}@example.com" },
                    lines = new[] { new { sku = "BAG", category = "Bags", quantity = 1, amount = 20m + c } },
                });
            }
        }

        var request = FunctionRequest.Json("POST", Triggers.PosTransactionsRoute, JsonSerializer.Serialize(items), new Dictionary<string, string> { ["x-api-key"] = FunctionSettings.ApiKey });
        Assert.Equal(202, (await app.InvokeHttpAsync("PosTransactions", request)).Status);
        await QueueTriggerDriver.DeliverIngestAsync(app, marker);
        return $"{marker}-0@example.com";
    }

    private async Task<string> CustomerIdAsync(string email)
    {
        var found = await app.InvokeHttpAsync("FindCustomers", FunctionRequest.Read(Triggers.CustomersRoute, "email=" + Uri.EscapeDataString(email)));
        Assert.Equal(200, found.Status);
        return found.Json!["id"]!.GetValue<string>();
    }

    private Task<FunctionResponse> SaveCampaignAsync(string id, DateOnly date, bool enabled) =>
        app.InvokeHttpAsync("SaveCampaign", FunctionRequest.Json("POST", Triggers.CampaignsRoute, $$"""
            {
              "id": "{{id}}",
              "name": "Functions enrollment {{id}}",
              "enabled": {{(enabled ? "true" : "false")}},
              "trigger": { "type": "fixedDate", "date": "{{date:yyyy-MM-dd}}" },
              "steps": [ { "type": "sendEmail", "id": "hello", "templateId": "d-hello" } ]
            }
            """, new Dictionary<string, string> { ["x-api-key"] = FunctionSettings.ApiKey }));
}
