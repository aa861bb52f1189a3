using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage;
using ChurnFunctions.Storage.Tables;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>Trying a campaign out on a self-host over Azurite: the schema it is written against, and an enrollment dry run.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EnrollDryRunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminKey = "admin-integration-key-0123456789";
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await SelfHostRunner.StartAsync(
        azurite.ConnectionString, listenToQueues: false, settings: new Dictionary<string, string?> { ["Api:AdminKeys"] = AdminKey });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Dry_run_lists_who_would_enter_and_why_and_writes_and_sends_nothing()
    {
        // Arrange: a care campaign 37 days after a purchase; two customers bought 37 days ago, one 10 days ago.
        var run = "dry" + Guid.NewGuid().ToString("N")[..8];
        var today = DateTimeOffset.UtcNow;
        await host.Services.GetRequiredService<ICampaignDefinitionStore>().SaveAsync(new CampaignDefinition
        {
            Id = run,
            Name = "Care",
            Trigger = new DaysAfterPurchaseTrigger(37),
            Exit = new ExitConditions { OnPurchase = false },
            Steps = [new SendSmsStep { Id = "sms", Text = "How was it? {{surveyLink}}" }, new CreateStaffTaskStep { Id = "call", Text = "Call" }],
        }, CancellationToken.None);
        var customers = host.Services.GetRequiredService<ICustomerStore>();
        foreach (var (id, daysAgo) in new[] { ($"{run}-a", 37), ($"{run}-b", 37), ($"{run}-c", 10) })
        {
            var at = today.AddDays(-daysAgo);
            await customers.SaveAsync(new CustomerRecord
            {
                Id = id,
                Phone = "+15550100" + daysAgo.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FirstPurchaseAt = at,
                LastPurchaseAt = at,
                Consents = [new ConsentRecord(MessageChannel.Sms, true, "test", at)],
            }, null, CancellationToken.None);
        }

        var before = await SnapshotAsync();
        var wakeUps = await host.Storage.GetQueueClient(Triggers.CampaignWakeUpsQueue).GetApproximateCountAsync(CancellationToken.None);

        // Act
        var response = await host.Client.SendAsync(Enroll("true"));

        // Assert: the two customers, with the rule in words; nothing written, queued or sent.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        var ours = report.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("campaignId").GetString() == run).ToList();
        Assert.Equal([$"{run}-a", $"{run}-b"], ours.Select(e => e.GetProperty("customerId").GetString()).Order());
        var lastPurchase = DateOnly.FromDateTime(today.AddDays(-37).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(ours, e => Assert.Equal($"last purchase {lastPurchase}, 37 days ago", e.GetProperty("reason").GetString()));
        Assert.All(ours, e => Assert.Equal(HoldoutAssignment.IsHoldout(e.GetProperty("customerId").GetString()!, run, 10), e.GetProperty("holdout").GetBoolean()));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(wakeUps, await host.Storage.GetQueueClient(Triggers.CampaignWakeUpsQueue).GetApproximateCountAsync(CancellationToken.None));
        var instances = host.Services.GetRequiredService<Core.Campaigns.Runtime.ICampaignInstanceStore>();
        Assert.Null(await instances.GetAsync(CampaignInstanceId.For($"{run}-a", run, "p" + today.AddDays(-37).UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None));
    }

    [Fact]
    public async Task Enroll_needs_the_admin_key_and_an_explicit_dry_run_choice()
    {
        var noKey = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns/enroll?dryRun=true");
        var readKey = Enroll("true");
        readKey.Headers.Remove("x-api-key");
        readKey.Headers.Add("x-api-key", Secrets.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(noKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(readKey)).StatusCode);
        var missing = await host.Client.SendAsync(Enroll(null));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dryRun", out _));
    }

    [Fact]
    public async Task The_served_schema_is_the_documented_one()
    {
        var response = await host.Client.GetAsync("/api/campaigns/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var served = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "campaign.schema.json")), served);
    }

    private static HttpRequestMessage Enroll(string? dryRun)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, dryRun is null ? "/api/campaigns/enroll" : $"/api/campaigns/enroll?dryRun={dryRun}");
        request.Headers.Add("x-api-key", AdminKey);
        return request;
    }

    /// <summary>Every entity of every table, by table, keys and ETag: any write changes it.</summary>
    private async Task<string> SnapshotAsync()
    {
        var account = host.Services.GetRequiredService<StorageAccount>();
        var lines = new List<string>();
        await foreach (var table in account.GetTableServiceClient().ListTablesAsync(CancellationToken.None))
        {
            await foreach (var entity in account.GetTableClient(table).QueryAsync(new TableQuery(), CancellationToken.None))
            {
                lines.Add($"{table}|{entity.PartitionKey}|{entity.RowKey}|{entity.ETag}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
