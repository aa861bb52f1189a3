using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Engagement;

/// <summary>Signed SendGrid Event Webhook deliveries through the self-host into Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGridWebhookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly SendGridWebhookSigner signer = new();
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await EngagementHost.StartAsync(azurite.ConnectionString, signer.PublicKeyBase64);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        signer.Dispose();
    }

    [Fact]
    public async Task A_signed_bounce_suppresses_the_address_and_withdraws_consent_and_a_redelivery_is_processed_once()
    {
        var id = "sg-" + Guid.NewGuid().ToString("N");
        var email = $"{id}@example.com";
        await EngagementHost.SeedAsync(host, id, email, consents: new ConsentRecord(MessageChannel.Email, true, "shopify", DateTimeOffset.UtcNow.AddDays(-5)));
        var body = Events(email, ("bounce", Guid.NewGuid().ToString()), ("open", Guid.NewGuid().ToString()));

        var first = await PostAsync(body, signed: true);
        var again = await PostAsync(body, signed: true);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(0, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
        Assert.True(await host.Services.GetRequiredService<ISuppressionList>().IsSuppressedAsync(MessageChannel.Email, email, default));
        var consent = await EngagementHost.ConsentAsync(host, id, MessageChannel.Email);
        Assert.Equal((false, "sendgrid:bounce"), (consent!.Granted, consent.Source));
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_401_and_writes_nothing()
    {
        var email = $"unsigned-{Guid.NewGuid():N}@example.com";
        var body = Events(email, ("spamreport", Guid.NewGuid().ToString()));

        var tampered = await PostAsync(body, signed: true, tamper: true);
        var unsigned = await PostAsync(body, signed: false);

        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("application/problem+json", tampered.Content.Headers.ContentType?.MediaType);
        Assert.False(await host.Services.GetRequiredService<ISuppressionList>().IsSuppressedAsync(MessageChannel.Email, email, default));
    }

    [Fact]
    public async Task Without_a_configured_public_key_every_delivery_is_refused()
    {
        await using var unconfigured = await EngagementHost.StartAsync(azurite.ConnectionString, sendGridPublicKey: null);
        var body = Events($"x-{Guid.NewGuid():N}@example.com", ("unsubscribe", Guid.NewGuid().ToString()));
        using var request = Request(body, signed: true);

        var response = await unconfigured.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, bool signed, bool tamper = false)
    {
        using var request = Request(body, signed, tamper);
        return await host.Client.SendAsync(request);
    }

    private HttpRequestMessage Request(string body, bool signed, bool tamper = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/sendgrid")
        {
            Content = new StringContent(tamper ? body.Replace("example.com", "example.org", StringComparison.Ordinal) : body, Encoding.UTF8, "application/json"),
        };
        if (signed)
        {
            foreach (var (name, value) in signer.Headers(DateTimeOffset.UtcNow, bytes))
            {
                request.Headers.Add(name, value);
            }
        }

        return request;
    }

    private static string Events(string email, params (string Type, string EventId)[] events) =>
        JsonSerializer.Serialize(events.Select(e => new Dictionary<string, object>
        {
            ["email"] = email,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = e.Type,
            ["sg_event_id"] = e.EventId,
            ["sg_message_id"] = "msg-1.filter",
            ["send_id"] = "send-" + e.EventId,
            ["type"] = "bounce",
        }));
}
