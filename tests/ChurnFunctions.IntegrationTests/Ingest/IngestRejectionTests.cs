using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.AspNetCore.Mvc;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>
/// Bad deliveries get problem+json and leave no trace. The host here does not listen to the queue, so whatever
/// reached the queue would still be on it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestRejectionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SelfHostRunner host = null!;

    public async Task InitializeAsync()
    {
        host = await SelfHostRunner.StartAsync(azurite.ConnectionString, listenToQueues: false);
        await host.Storage.GetQueueClient(Triggers.IngestQueue).CreateIfNotExistsAsync(default);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Rejects_webhook_with_bad_signature_with_401_and_enqueues_nothing()
    {
        var body = Payloads.ShopifyOrder(1, 2, "x@example.com", 5m);

        var response = await host.Client.SendAsync(Payloads.Shopify(body, "e1", secret: "not-the-secret"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rejects_webhook_without_signature_with_401()
    {
        var response = await host.Client.SendAsync(Payloads.Shopify(Payloads.ShopifyOrder(1, 2, "x@example.com", 5m), "e2", secret: null));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rejects_a_wrong_content_type_with_415()
    {
        var request = Payloads.Pos(Payloads.PosTransaction("T-1", "x@example.com", 5m));
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        await AssertProblemAsync(await host.Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Rejects_a_body_over_one_mebibyte_with_413()
    {
        var request = Payloads.Pos("[" + new string(' ', 1024 * 1024) + "]");

        await AssertProblemAsync(await host.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Rejects_pos_json_with_invalid_fields_with_400_and_the_field_errors()
    {
        var body = "[" + Payloads.PosTransaction("T-1", "x@example.com", 5m) + ",{\"id\":\"T-2\",\"currency\":\"EURO\"}]";

        var response = await host.Client.SendAsync(Payloads.Pos(body));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("[1].currency", problem.Extensions["errors"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("[1].occurredAt", problem.Extensions["errors"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_pos_json_with_a_wrong_api_key_with_401()
    {
        var response = await host.Client.SendAsync(Payloads.Pos(Payloads.PosTransaction("T-1", "x@example.com", 5m), apiKey: "guess"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Acknowledges_the_woocommerce_creation_ping_and_stores_nothing()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/woocommerce")
        {
            Content = new StringContent("webhook_id=17", Encoding.UTF8, new MediaTypeHeaderValue("application/x-www-form-urlencoded")),
        };

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default));
    }

    private async Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default));
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }
}
