using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Engagement;

/// <summary>Signed Twilio webhooks through the self-host into Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwilioWebhookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await EngagementHost.StartAsync(azurite.ConnectionString, sendGridPublicKey: null);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_signed_stop_withdraws_sms_consent_on_the_customer_found_by_phone_and_answers_empty_twiml()
    {
        var phone = RandomPhone();
        await EngagementHost.SeedAsync(host, "tw-" + Guid.NewGuid().ToString("N"), phone: phone,
            consents: new ConsentRecord(MessageChannel.Sms, true, "shopify", DateTimeOffset.UtcNow.AddDays(-2)));

        var response = await PostAsync("/api/webhooks/twilio/inbound", Inbound(phone, "STOP"), signed: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<Response/>", await response.Content.ReadAsStringAsync());
        var found = await host.Client.SendAsync(Payloads.Get($"/api/customers?phone={Uri.EscapeDataString(phone)}"));
        var id = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var consent = await EngagementHost.ConsentAsync(host, id, MessageChannel.Sms);
        Assert.Equal((false, "twilio:inbound"), (consent!.Granted, consent.Source));
        Assert.True(await host.Services.GetRequiredService<ISuppressionList>().IsSuppressedAsync(MessageChannel.Sms, phone, default));
    }

    [Fact]
    public async Task A_bad_signature_is_401_and_changes_nothing()
    {
        var phone = RandomPhone();
        var id = "tw-" + Guid.NewGuid().ToString("N");
        await EngagementHost.SeedAsync(host, id, phone: phone);

        var response = await PostAsync("/api/webhooks/twilio/inbound", Inbound(phone, "STOP"), signed: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await EngagementHost.ConsentAsync(host, id, MessageChannel.Sms));
    }

    [Fact]
    public async Task A_signed_status_callback_records_the_delivery_status_per_send()
    {
        var sendId = "send-" + Guid.NewGuid().ToString("N");
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["MessageStatus"] = "delivered", ["To"] = RandomPhone() };

        var response = await PostAsync($"/api/webhooks/twilio/status?sendId={sendId}", form, signed: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await host.Services.GetRequiredService<ISmsDeliveryLog>().GetAsync(sendId, default);
        Assert.Equal(("delivered", true), (record!.Status, record.IsFinal));
    }

    private async Task<HttpResponseMessage> PostAsync(string pathAndQuery, Dictionary<string, string> form, bool signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        var signature = FakeTwilioSignature.Sign(signed ? EngagementHost.TwilioToken : "wrong-token", EngagementHost.PublicBaseUrl + pathAndQuery, form);
        request.Headers.Add("X-Twilio-Signature", signature);
        return await host.Client.SendAsync(request);
    }

    private static Dictionary<string, string> Inbound(string from, string body) => new()
    {
        ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
        ["AccountSid"] = "AC00000000000000000000000000000000",
        ["From"] = from,
        ["To"] = "+15005550006",
        ["Body"] = body,
    };

    private static string RandomPhone() => "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
}
