using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Engagement;

/// <summary>The exit survey and campaign definitions over HTTP, stored in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedbackAndCampaignTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await EngagementHost.StartAsync(azurite.ConnectionString, sendGridPublicKey: null);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_signed_answer_is_stored_as_the_latest_reason_and_counted_in_the_summary()
    {
        var id = "fb-" + Guid.NewGuid().ToString("N");
        var token = host.Services.GetRequiredService<FeedbackLinks>().Create(id, DateTimeOffset.UtcNow.AddDays(1));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var before = await CountAsync(today, "competitor");

        var stored = await PostJsonAsync("/api/feedback", new { token, reason = "competitor", text = "Found it cheaper nearby." });
        var badReason = await PostJsonAsync("/api/feedback", new { token, reason = "weather" });
        var tampered = await PostJsonAsync("/api/feedback", new { token = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], reason = "price" });

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.True((await badReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        var latest = await host.Services.GetRequiredService<IFeedbackStore>().GetLatestAsync(id, default);
        Assert.Equal("Found it cheaper nearby.", latest!.Text);
        Assert.Equal(before + 1, await CountAsync(today, "competitor"));
    }

    [Fact]
    public async Task The_summary_needs_the_api_key()
    {
        var response = await host.Client.GetAsync("/api/feedback/summary");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_campaign_is_stored_listed_and_replaced_and_an_invalid_one_gets_field_errors()
    {
        var id = "winback-" + Guid.NewGuid().ToString("N")[..8];

        var created = await PostCampaignAsync(Campaign(id, "Win back"));
        var replaced = await PostCampaignAsync(Campaign(id, "Win back, second draft"));
        var invalid = await PostCampaignAsync(Campaign("Bad Id!", " ").Replace("\"d-winback\"", "\"\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/campaigns/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("id", out _));
        Assert.True(errors.TryGetProperty("name", out _));

        var one = await (await host.Client.SendAsync(Payloads.Get($"/api/campaigns/{id}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Win back, second draft", one.GetProperty("name").GetString());
        Assert.Equal("churnReason", one.GetProperty("trigger").GetProperty("type").GetString());
        var all = await (await host.Client.SendAsync(Payloads.Get("/api/campaigns"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(all.EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(Payloads.Get("/api/campaigns/no-such-campaign"))).StatusCode);
    }

    private async Task<int> CountAsync(string day, string reason)
    {
        var summary = await (await host.Client.SendAsync(Payloads.Get($"/api/feedback/summary?from={day}&to={day}"))).Content.ReadFromJsonAsync<JsonElement>();
        return summary.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("reason").GetString() == reason).GetProperty("count").GetInt32();
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, object body) => host.Client.PostAsJsonAsync(path, body);

    private Task<HttpResponseMessage> PostCampaignAsync(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", Secrets.ApiKey);
        return host.Client.SendAsync(request);
    }

    private static string Campaign(string id, string name) => $$"""
        {
          "id": "{{id}}",
          "name": "{{name}}",
          "trigger": { "type": "churnReason", "reason": "price" },
          "steps": [ { "type": "sendEmail", "id": "offer", "templateId": "d-winback" } ]
        }
        """;
}
